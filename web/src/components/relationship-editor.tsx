import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ENTITY_KINDS } from '../../../server/src/domain/entity-kinds.ts';
import { fromEnumName } from '../../../server/src/domain/enum-names.ts';
import {
  endpointProblem,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../../server/src/domain/relationship-types.ts';
import { NEW_RECORD } from '../../../server/src/domain/revisions.ts';
import {
  fetchRelationshipRecord,
  type RelationshipRecord,
  relationshipInputOf,
  saveRelationship,
} from '../api/curation.ts';
import { searchEntities } from '../api/queries.ts';
import { forgetReads } from '../api/query-client.ts';
import type { EntityKind, EntitySummary } from '../api/types.ts';
import { useCanvas, useSelection } from '../state/explorer-hooks.ts';
import {
  EVIDENCE_FIELDS,
  EvidenceFields,
  type SourceChoice,
  useEvidenceDraft,
} from './evidence-picker.tsx';
import { datesProblem, FieldError, FormActions, FormProblem, useWrite } from './form-parts.tsx';
import { typeInfo, useOntology } from './ontology.tsx';
import {
  EMPTY_RELATIONSHIP,
  fieldsInput,
  type PhaseDraft,
  PhasesEditor,
  phasesInput,
  phasesProblem,
  RELATIONSHIP_FIELDS,
  type RelationshipDraft,
  RelationshipFields,
} from './relationship-fields.tsx';

type End = Pick<EntitySummary, 'id' | 'name' | 'kind'>;

const datesOf = (draft: RelationshipDraft) =>
  datesProblem({ since: draft.since, until: draft.until });

/** The other end: an entity on the canvas, or one found by search. */
function EndPicker({
  value,
  onChange,
  choices,
  onFound,
}: {
  value: string;
  onChange(id: string): void;
  choices: readonly End[];
  onFound(entity: End): void;
}) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<End[] | null>(null);
  const find = async () => {
    if (text.trim() === '') return;
    setHits((await searchEntities(text.trim())).map((hit) => hit.entity));
  };
  return (
    <>
      <label>
        To
        <select aria-label="To" value={value} onChange={(event) => onChange(event.target.value)}>
          {choices.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <div className="inline-search">
        <input
          aria-label="Find the other entity"
          placeholder="Or find another entity by name"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void find().catch(() => setHits([]));
            }
          }}
        />
        <button
          type="button"
          className="small"
          onClick={() => void find().catch(() => setHits([]))}
        >
          Find
        </button>
      </div>
      {hits && hits.length === 0 && <p className="hint">No entity matches.</p>}
      {hits && hits.length > 0 && (
        <ul className="found" aria-label="Entities found">
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                className="small"
                onClick={() => {
                  onFound(hit);
                  setHits(null);
                }}
              >
                {hit.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface RelationshipCreatorProps {
  from: End;
  /** The entities it may go to at first: those on the canvas. */
  candidates: End[];
  /** Sources already cited around the entity, to pick from. */
  sources: SourceChoice[];
  onDone(): void;
}

/**
 * A new relationship from an entity to another (on the canvas or found by search): only the
 * types whose ends fit the two kinds are offered, and it needs evidence, a source (picked,
 * found or made here) and a quote. It is drawn on the canvas and selected once written.
 */
export function RelationshipCreator({
  from,
  candidates,
  sources,
  onDone,
}: RelationshipCreatorProps) {
  const ontology = useOntology();
  const queries = useQueryClient();
  const { draw } = useCanvas();
  const { selectEdge } = useSelection();
  const [ends, setEnds] = useState<End[]>(candidates);
  const [to, setTo] = useState(candidates[0]?.id ?? '');
  const [type, setType] = useState('');
  const [draft, setDraft] = useState<RelationshipDraft>(EMPTY_RELATIONSHIP);
  const [phases, setPhases] = useState<PhaseDraft[]>([]);
  const evidence = useEvidenceDraft(sources);
  const { problem, busy, submit } = useWrite();

  const target = ends.find((candidate) => candidate.id === to);
  const domainKind = (kind: EntityKind) => fromEnumName(ENTITY_KINDS, kind);
  const fitting = RELATIONSHIP_TYPES.filter((candidate) => {
    const [a, b] = [domainKind(from.kind), target && domainKind(target.kind)];
    return a && b && endpointProblem(candidate, a, b) === undefined;
  });
  useEffect(() => {
    if (!fitting.includes(type as RelationshipType)) setType(fitting[0] ?? '');
  }, [fitting, type]);

  const found = (entity: End) => {
    if (entity.id === from.id) return;
    setEnds((now) => (now.some((end) => end.id === entity.id) ? now : [...now, entity]));
    setTo(entity.id);
  };
  const save = submit(
    async () => {
      const cited = await evidence.write();
      const input = {
        from: from.id,
        to,
        type: type as RelationshipType,
        ...fieldsInput(draft),
        evidence: [cited],
        history: phasesInput(phases, cited.source),
      };
      const saved = await saveRelationship(input, NEW_RECORD, draft.comment.trim());
      await forgetReads(queries);
      // The other end may have come from search: it is drawn with the relationship.
      const other = ends.find((end) => end.id === to);
      draw({
        nodes: other && 'degree' in other ? [other as EntitySummary] : [],
        edges: [saved],
        hubs: [],
        truncated: false,
      });
      selectEdge(saved.id);
      onDone();
    },
    () =>
      (to ? null : { field: 'to', message: 'Pick the entity it goes to.' }) ??
      datesOf(draft) ??
      datesProblem({ published: evidence.draft.published }) ??
      evidence.problem() ??
      phasesProblem(phases),
  );

  return (
    <form className="entity-editor" aria-label="New relationship" onSubmit={save}>
      <p className="hint">From {from.name}</p>
      <EndPicker value={to} onChange={setTo} choices={ends} onFound={found} />
      <FieldError problem={problem} field="to" />
      <label>
        Type
        <select aria-label="Type" value={type} onChange={(event) => setType(event.target.value)}>
          {fitting.map((candidate) => (
            <option key={candidate} value={candidate}>
              {typeInfo(ontology, candidate)?.label ?? candidate}
            </option>
          ))}
        </select>
        <FieldError problem={problem} field="type" />
      </label>
      <RelationshipFields draft={draft} onChange={setDraft} problem={problem} />
      <EvidenceFields state={evidence} problem={problem} publishers={[from, ...ends]} />
      <PhasesEditor
        phases={phases}
        onChange={setPhases}
        sources={evidence.choices}
        problem={problem}
      />
      <CommentInput draft={draft} onChange={setDraft} />
      <FormProblem
        problem={problem}
        fields={[...RELATIONSHIP_FIELDS, ...EVIDENCE_FIELDS, 'to', 'type']}
      />
      <FormActions busy={busy} submit="Create" onCancel={onDone} disabled={!type || !to} />
    </form>
  );
}

function CommentInput({
  draft,
  onChange,
}: {
  draft: RelationshipDraft;
  onChange(draft: RelationshipDraft): void;
}) {
  return (
    <label>
      Comment (why, kept with the revision)
      <input
        value={draft.comment}
        onChange={(event) => onChange({ ...draft, comment: event.target.value })}
      />
    </label>
  );
}

function draftOf(record: RelationshipRecord): RelationshipDraft {
  return {
    since: record.since ?? '',
    until: record.until ?? '',
    status: record.history[0]?.status ?? record.status,
    role: record.role ?? '',
    measure: record.measure ?? '',
    instrument: record.instrument ?? '',
    claim: record.claim ?? '',
    description: record.description ?? '',
    comment: '',
  };
}

/** The record's own later phases (not those other datasets add), with their evidence as read. */
function phasesOf(record: RelationshipRecord): PhaseDraft[] {
  return (
    relationshipInputOf(record, {}).history?.map((phase) => ({
      status: phase.status,
      since: phase.since,
      note: phase.note ?? '',
      source: '',
      quote: '',
      evidence: phase.evidence.map((item) => ({ source: item.source, quote: item.quote ?? null })),
    })) ?? []
  );
}

/**
 * A relationship's fields and status history, edited from the version they were read at; its
 * evidence stays, and a phase added here brings its own.
 */
export function RelationshipEditor({
  id,
  sources,
  onDone,
}: {
  id: string;
  sources: SourceChoice[];
  onDone(): void;
}) {
  const queries = useQueryClient();
  const { draw } = useCanvas();
  const [record, setRecord] = useState<RelationshipRecord | null>(null);
  const [draft, setDraft] = useState<RelationshipDraft>(EMPTY_RELATIONSHIP);
  const [phases, setPhases] = useState<PhaseDraft[]>([]);
  const { problem, setProblem, busy, submit } = useWrite();

  useEffect(() => {
    let live = true;
    fetchRelationshipRecord(id).then(
      (read) => {
        if (!live) return;
        if (!read) return setProblem({ message: `No relationship "${id}".` });
        setRecord(read);
        setDraft(draftOf(read));
        setPhases(phasesOf(read));
      },
      (failure: unknown) => live && setProblem({ message: String(failure) }),
    );
    return () => {
      live = false;
    };
  }, [id, setProblem]);

  if (!record) {
    return problem ? (
      <FormProblem problem={problem} fields={[]} />
    ) : (
      <p className="hint">Loading the record…</p>
    );
  }
  const own = record.evidence[0]?.source.id ?? null;
  const save = submit(
    async () => {
      const input = relationshipInputOf(record, {
        ...fieldsInput(draft),
        history: phasesInput(phases, own),
      });
      const saved = await saveRelationship(
        input,
        record.version ?? undefined,
        draft.comment.trim(),
      );
      await forgetReads(queries);
      draw({ nodes: [], edges: [saved], hubs: [], truncated: false });
      onDone();
    },
    () => datesOf(draft) ?? phasesProblem(phases),
  );
  return (
    <form className="entity-editor" aria-label="Edit relationship" onSubmit={save}>
      <RelationshipFields draft={draft} onChange={setDraft} problem={problem} />
      <PhasesEditor phases={phases} onChange={setPhases} sources={sources} problem={problem} />
      <CommentInput draft={draft} onChange={setDraft} />
      <FormProblem problem={problem} fields={RELATIONSHIP_FIELDS} />
      <FormActions busy={busy} submit="Save" onCancel={onDone} />
    </form>
  );
}
