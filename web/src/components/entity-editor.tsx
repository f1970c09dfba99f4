import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { parsePartialDate } from '../../../server/src/domain/partial-date.ts';
import { ApiError } from '../api/client.ts';
import { type EntityRecord, fetchEntityRecord, saveEntity } from '../api/curation.ts';

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

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

const DATE_FIELDS = ['founded', 'dissolved'] as const;

/** A date field's problem, by the same rule the API applies, so it is named before sending. */
function dateProblem(draft: Draft): { message: string; field: string } | null {
  for (const field of DATE_FIELDS) {
    const value = draft[field].trim();
    if (value === '') continue;
    const parsed = parsePartialDate(value);
    if (!parsed.ok) return { field, message: `${field} ${parsed.message}.` };
  }
  return null;
}

/** The record to write: what was read, with the form's fields in place of its own. */
function inputOf(record: EntityRecord, draft: Draft) {
  return {
    id: record.id,
    kind: record.kind,
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
    identifiers: record.identifiers.map(({ scheme, value }) => ({ scheme, value })),
    evidence: record.evidence.map((item) => ({ source: item.source.id, quote: item.quote })),
  };
}

/**
 * Edits an entity in the details panel: read as it is now (with its version), written back
 * with that version, so an edit of a copy someone changed meanwhile is refused and said so.
 */
export function EntityEditor({ id, onDone }: { id: string; onDone(): void }) {
  const queries = useQueryClient();
  const [record, setRecord] = useState<EntityRecord | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    fetchEntityRecord(id).then(
      (read) => {
        if (!live) return;
        if (!read) setError({ message: `No entity "${id}".` });
        else {
          setRecord(read);
          setDraft(draftOf(read));
        }
      },
      (failure: unknown) => live && setError({ message: String(failure) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (!record || !draft) {
    return error ? (
      <p role="alert" className="error">
        {error.message}
      </p>
    ) : (
      <p className="hint">Loading the record…</p>
    );
  }
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });
  const fieldError = (field: string) =>
    error?.field === field ? (
      <span role="alert" className="error field-error">
        {error.message}
      </span>
    ) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = dateProblem(draft);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await saveEntity(inputOf(record, draft), record.version ?? '', draft.comment.trim());
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['entity', id] }),
        queries.invalidateQueries({ queryKey: ['revisions', id] }),
      ]);
      onDone();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'CONFLICT') {
        setError({
          message: `Not saved: ${failure.message} Cancel and edit again to start from the current version.`,
        });
      } else if (failure instanceof ApiError) {
        setError({ message: failure.message, field: failure.field });
      } else {
        setError({ message: String(failure) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="entity-editor" aria-label="Edit entity" onSubmit={submit}>
      {TEXT_FIELDS.map(([field, label]) => (
        <label key={field}>
          {label}
          <input value={draft[field]} onChange={set(field)} />
          {fieldError(field)}
        </label>
      ))}
      <label>
        Also known as (one per line)
        <textarea rows={3} value={draft.aliases} onChange={set('aliases')} />
        {fieldError('aliases')}
      </label>
      <label>
        Description
        <textarea rows={3} value={draft.description} onChange={set('description')} />
        {fieldError('description')}
      </label>
      <label>
        Comment (why, kept with the revision)
        <input value={draft.comment} onChange={set('comment')} />
      </label>
      {error &&
        !TEXT_FIELDS.some(([field]) => field === error.field) &&
        !['aliases', 'description'].includes(error.field ?? '') && (
          <p role="alert" className="error">
            {error.message}
          </p>
        )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
