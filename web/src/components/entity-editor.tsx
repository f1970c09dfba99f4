import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { idFromName } from '../../../server/src/domain/relationship-id.ts';
import { NEW_RECORD } from '../../../server/src/domain/revisions.ts';
import {
  deleteEntity,
  type EntityInput,
  type EntityRecord,
  fetchEntityRecord,
  saveEntity,
} from '../api/curation.ts';
import { forgetReads } from '../api/query-client.ts';
import type { EntityKind } from '../api/types.ts';
import { useCanvas, useSelection } from '../state/explorer-hooks.ts';
import {
  datesProblem,
  FormActions,
  FormProblem,
  orNull,
  type Problem,
  TextInput,
  TextInputs,
  useWrite,
} from './form-parts.tsx';
import { useOntology } from './ontology.tsx';

/** The fields the form edits, as the API's input names them (errors name them the same way). */
const TEXT_FIELDS = [
  ['name', 'Name'],
  ['country', 'Country (ISO 3166 alpha-2)'],
  ['founded', 'Founded (YYYY, YYYY-MM or YYYY-MM-DD)'],
  ['dissolved', 'Dissolved'],
  ['website', 'Website'],
  ['wikidata', 'Wikidata id'],
] as const;
type TextField = (typeof TEXT_FIELDS)[number][0];

type Draft = Record<TextField | 'aliases' | 'description' | 'comment', string>;

const EMPTY: Draft = {
  name: '',
  country: '',
  founded: '',
  dissolved: '',
  website: '',
  wikidata: '',
  aliases: '',
  description: '',
  comment: '',
};

function draftOf(record: EntityRecord): Draft {
  return {
    name: record.name,
    country: record.country ?? '',
    founded: record.founded ?? '',
    dissolved: record.dissolved ?? '',
    website: record.website ?? '',
    wikidata: record.wikidata ?? '',
    aliases: record.aliases.join('\n'),
    description: record.description ?? '',
    comment: '',
  };
}

/** The form's fields as the API's input has them. */
function fieldsOf(draft: Draft) {
  return {
    name: draft.name.trim(),
    aliases: draft.aliases
      .split('\n')
      .map((alias) => alias.trim())
      .filter(Boolean),
    country: orNull(draft.country),
    founded: orNull(draft.founded),
    dissolved: orNull(draft.dissolved),
    website: orNull(draft.website),
    wikidata: orNull(draft.wikidata),
    description: orNull(draft.description),
  };
}

/** The record to write back: what was read, with the form's fields in place of its own. */
function inputOf(record: EntityRecord, draft: Draft): EntityInput {
  return {
    id: record.id,
    kind: record.kind,
    ...fieldsOf(draft),
    identifiers: record.identifiers.map(({ scheme, value }) => ({ scheme, value })),
    evidence: record.evidence.map((item) => ({ source: item.source.id, quote: item.quote })),
  };
}

const SHOWN = [...TEXT_FIELDS.map(([field]) => field), 'aliases', 'description', 'id', 'kind'];

const datesOf = (draft: Draft) =>
  datesProblem({ founded: draft.founded, dissolved: draft.dissolved });

/** The fields an entity's form shows, whether it edits one or makes one. */
function EntityFields({
  draft,
  onChange,
  problem,
}: {
  draft: Draft;
  onChange(draft: Draft): void;
  problem: Problem | null;
}) {
  const set = (field: keyof Draft) => (value: string) => onChange({ ...draft, [field]: value });
  return (
    <>
      <TextInputs
        fields={TEXT_FIELDS}
        draft={draft}
        onChange={(field, value) => set(field)(value)}
        problem={problem}
      />
      <TextInput
        label="Also known as (one per line)"
        field="aliases"
        value={draft.aliases}
        onChange={set('aliases')}
        problem={problem}
        multiline
      />
      <TextInput
        label="Description"
        field="description"
        value={draft.description}
        onChange={set('description')}
        problem={problem}
        multiline
      />
      <TextInput
        label="Comment (why, kept with the revision)"
        field="comment"
        value={draft.comment}
        onChange={set('comment')}
        problem={problem}
      />
    </>
  );
}

/**
 * Edits an entity in the details panel: read as it is now (with its version), written back
 * with that version, so an edit of a copy someone changed meanwhile is refused and said so.
 * Deleting it (with its relationships) is asked twice and kept in its history.
 */
export function EntityEditor({ id, onDone }: { id: string; onDone(): void }) {
  const queries = useQueryClient();
  const { hide } = useCanvas();
  const { select } = useSelection();
  const [record, setRecord] = useState<EntityRecord | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [deleting, setDeleting] = useState(false);
  const { problem, setProblem, busy, run, submit } = useWrite();

  useEffect(() => {
    let live = true;
    fetchEntityRecord(id).then(
      (read) => {
        if (!live) return;
        if (!read) setProblem({ message: `No entity "${id}".` });
        else {
          setRecord(read);
          setDraft(draftOf(read));
        }
      },
      (failure: unknown) => live && setProblem({ message: String(failure) }),
    );
    return () => {
      live = false;
    };
  }, [id, setProblem]);

  if (!record || !draft) {
    return problem ? (
      <FormProblem problem={problem} fields={[]} />
    ) : (
      <p className="hint">Loading the record…</p>
    );
  }
  const save = submit(
    async () => {
      await saveEntity(inputOf(record, draft), record.version ?? undefined, draft.comment.trim());
      await forgetReads(queries);
      onDone();
    },
    () => datesOf(draft),
  );
  const remove = () =>
    run(async () => {
      await deleteEntity(id, record.version ?? undefined, draft.comment.trim());
      await forgetReads(queries);
      hide([id]);
      // The panel stays on it, to show what became of it and to undo it.
      select(id);
      onDone();
    });

  return (
    <form className="entity-editor" aria-label="Edit entity" onSubmit={save}>
      <EntityFields draft={draft} onChange={setDraft} problem={problem} />
      <FormProblem problem={problem} fields={SHOWN} />
      {deleting ? (
        <fieldset className="confirm">
          <legend>Delete {record.name}?</legend>
          <p>
            Every relationship it has goes with it. Each stays in the history and can be brought
            back.
          </p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={remove}>
              Delete {record.name}
            </button>
            <button type="button" onClick={() => setDeleting(false)}>
              Keep it
            </button>
          </div>
        </fieldset>
      ) : (
        <FormActions busy={busy} submit="Save" onCancel={onDone}>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        </FormActions>
      )}
    </form>
  );
}

/**
 * Makes a new entity: its kind and id (a slug of its name unless given), written only if no
 * entity has that id yet; then it is drawn on the canvas and selected.
 */
export function EntityCreator({ onDone }: { onDone(): void }) {
  const queries = useQueryClient();
  const ontology = useOntology();
  const { draw } = useCanvas();
  const { select } = useSelection();
  const [kind, setKind] = useState<EntityKind>(ontology.kinds[0]?.kind ?? 'ORGANIZATION');
  const [id, setId] = useState('');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { problem, busy, submit } = useWrite('id');

  const save = submit(
    async () => {
      const input: EntityInput = {
        id: id.trim() || idFromName(draft.name),
        kind,
        ...fieldsOf(draft),
      };
      const made = await saveEntity(input, NEW_RECORD, draft.comment.trim());
      await forgetReads(queries);
      draw({ nodes: [made], edges: [], hubs: [], truncated: false });
      select(made.id);
      onDone();
    },
    () =>
      draft.name.trim() === ''
        ? { field: 'name', message: 'A new entity needs a name.' }
        : datesOf(draft),
  );

  return (
    <form className="entity-editor" aria-label="New entity" onSubmit={save}>
      <label>
        Kind
        <select
          aria-label="Kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as EntityKind)}
        >
          {ontology.kinds.map((info) => (
            <option key={info.kind} value={info.kind}>
              {info.label}
            </option>
          ))}
        </select>
      </label>
      <EntityFields draft={draft} onChange={setDraft} problem={problem} />
      <TextInput
        label="Id"
        field="id"
        value={id}
        placeholder={idFromName(draft.name) || 'a-lowercase-slug'}
        onChange={setId}
        problem={problem}
      />
      <FormProblem problem={problem} fields={SHOWN} />
      <FormActions busy={busy} submit="Create" onCancel={onDone} />
    </form>
  );
}
