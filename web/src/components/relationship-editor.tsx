import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ENTITY_KINDS } from '../../../server/src/domain/entity-kinds.ts';
import { fromEnumName } from '../../../server/src/domain/enum-names.ts';
import { parsePartialDate } from '../../../server/src/domain/partial-date.ts';
import {
  endpointProblem,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../../server/src/domain/relationship-types.ts';
import { ApiError } from '../api/client.ts';
import {
  fetchRelationshipRecord,
  type RelationshipInput,
  type RelationshipRecord,
  relationshipInputOf,
  saveRelationship,
  saveSource,
} from '../api/curation.ts';
import type { EntityKind } from '../api/types.ts';
import { useCanvas, useSelection } from '../state/explorer-hooks.ts';
import { typeInfo, useOntology } from './ontology.tsx';

type Problem = { message: string; field?: string };

/** Dates by the API's rule, checked before anything is sent. */
function dateProblem(dates: Record<string, string>): Problem | null {
  for (const [field, value] of Object.entries(dates)) {
    if (value.trim() === '') continue;
    const parsed = parsePartialDate(value.trim());
    if (!parsed.ok) return { field, message: `${field} ${parsed.message}.` };
  }
  return null;
}

const problemOf = (failure: unknown): Problem =>
  failure instanceof ApiError && failure.code === 'CONFLICT'
    ? {
        message: `Not saved: ${failure.message} Cancel and edit again to start from the current version.`,
      }
    : failure instanceof ApiError
      ? { message: failure.message, field: failure.field }
      : { message: String(failure) };

function FieldError({ problem, field }: { problem: Problem | null; field: string }) {
  return problem?.field === field ? (
    <span role="alert" className="error field-error">
      {problem.message}
    </span>
  ) : null;
}

/** A slug from a title, for a new source's id: "EU Parliament resolution" -> "eu-parliament-resolution". */
function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const NEW_SOURCE = '__new__';

export interface RelationshipCreatorProps {
  from: { id: string; name: string; kind: EntityKind };
  /** The entities it may go to: those on the canvas. */
  candidates: { id: string; name: string; kind: EntityKind }[];
  /** Sources already cited around the entity, to pick from. */
  sources: { id: string; title: string }[];
  onDone(): void;
}

/**
 * A new relationship from an entity to another on the canvas: only the types whose ends fit the
 * two kinds are offered, and it needs evidence, a source (picked or made here) and a quote.
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
  const [to, setTo] = useState(candidates[0]?.id ?? '');
  const [type, setType] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [role, setRole] = useState('');
  const [source, setSource] = useState(sources[0]?.id ?? NEW_SOURCE);
  const [title, setTitle] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [quote, setQuote] = useState('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const target = candidates.find((candidate) => candidate.id === to);
  const domainKind = (kind: EntityKind) => fromEnumName(ENTITY_KINDS, kind);
  const fitting = RELATIONSHIP_TYPES.filter((candidate) => {
    const [a, b] = [domainKind(from.kind), target && domainKind(target.kind)];
    return a && b && endpointProblem(candidate, a, b) === undefined;
  });
  useEffect(() => {
    if (!fitting.includes(type as RelationshipType)) setType(fitting[0] ?? '');
  }, [fitting, type]);

  if (candidates.length === 0) {
    return (
      <p className="hint">
        Put the other entity on the canvas first (search for it), then start the relationship here.
      </p>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const dates = dateProblem({ since, until, published });
    if (dates) return setProblem(dates);
    if (quote.trim() === '')
      return setProblem({ field: 'quote', message: 'A quote from the source is required.' });
    if (source === NEW_SOURCE && title.trim() === '') {
      return setProblem({ field: 'title', message: 'A new source needs a title.' });
    }
    setBusy(true);
    setProblem(null);
    try {
      let evidenceSource = source;
      if (source === NEW_SOURCE) {
        const made = await saveSource({
          id: sourceId.trim() || slugOf(title),
          title: title.trim(),
          ...(url.trim() ? { url: url.trim() } : {}),
          ...(published.trim() ? { published: published.trim() } : {}),
        });
        evidenceSource = made.id;
        setSource(made.id);
      }
      const input: RelationshipInput = {
        from: from.id,
        to,
        type: type as RelationshipType,
        ...(since.trim() ? { since: since.trim() } : {}),
        ...(until.trim() ? { until: until.trim() } : {}),
        ...(role.trim() ? { role: role.trim() } : {}),
        evidence: [{ source: evidenceSource, quote: quote.trim() }],
      };
      const saved = await saveRelationship(input, undefined, comment.trim());
      draw({ nodes: [], edges: [saved], hubs: [], truncated: false });
      await queries.invalidateQueries({ queryKey: ['entity'] });
      selectEdge(saved.id);
      onDone();
    } catch (failure) {
      setProblem(problemOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="entity-editor" aria-label="New relationship" onSubmit={submit}>
      <p className="hint">From {from.name}</p>
      <label>
        To
        <select aria-label="To" value={to} onChange={(event) => setTo(event.target.value)}>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <FieldError problem={problem} field="to" />
      </label>
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
      <label>
        Since (YYYY, YYYY-MM or YYYY-MM-DD)
        <input value={since} onChange={(event) => setSince(event.target.value)} />
        <FieldError problem={problem} field="since" />
      </label>
      <label>
        Until
        <input value={until} onChange={(event) => setUntil(event.target.value)} />
        <FieldError problem={problem} field="until" />
      </label>
      <label>
        Role
        <input value={role} onChange={(event) => setRole(event.target.value)} />
      </label>
      <fieldset>
        <legend>Evidence</legend>
        <label>
          Source
          <select
            aria-label="Source"
            value={source}
            onChange={(event) => setSource(event.target.value)}
          >
            {sources.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
            <option value={NEW_SOURCE}>A new source…</option>
          </select>
          <FieldError problem={problem} field="evidence" />
        </label>
        {source === NEW_SOURCE && (
          <>
            <label>
              Source title
              <input value={title} onChange={(event) => setTitle(event.target.value)} />
              <FieldError problem={problem} field="title" />
            </label>
            <label>
              Source id
              <input
                value={sourceId}
                placeholder={slugOf(title) || 'a-lowercase-slug'}
                onChange={(event) => setSourceId(event.target.value)}
              />
              <FieldError problem={problem} field="id" />
            </label>
            <label>
              Source URL
              <input value={url} onChange={(event) => setUrl(event.target.value)} />
              <FieldError problem={problem} field="url" />
            </label>
            <label>
              Published
              <input value={published} onChange={(event) => setPublished(event.target.value)} />
              <FieldError problem={problem} field="published" />
            </label>
          </>
        )}
        <label>
          Quote
          <textarea rows={3} value={quote} onChange={(event) => setQuote(event.target.value)} />
          <FieldError problem={problem} field="quote" />
        </label>
      </fieldset>
      <label>
        Comment (why, kept with the revision)
        <input value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      {problem && !problem.field && (
        <p role="alert" className="error">
          {problem.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || !type}>
          {busy ? 'Saving…' : 'Create'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A relationship's dates and role, edited with the version they were read at. */
export function RelationshipDatesEditor({ id, onDone }: { id: string; onDone(): void }) {
  const queries = useQueryClient();
  const { draw } = useCanvas();
  const [record, setRecord] = useState<RelationshipRecord | null>(null);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    fetchRelationshipRecord(id).then(
      (read) => {
        if (!live || !read) return;
        setRecord(read);
        setSince(read.since ?? '');
        setUntil(read.until ?? '');
      },
      (failure: unknown) => live && setProblem(problemOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (!record) {
    return problem ? (
      <p role="alert" className="error">
        {problem.message}
      </p>
    ) : (
      <p className="hint">Loading the record…</p>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const dates = dateProblem({ since, until });
    if (dates) return setProblem(dates);
    setBusy(true);
    setProblem(null);
    try {
      const input = relationshipInputOf(record, {
        since: since.trim() || null,
        until: until.trim() || null,
      });
      const saved = await saveRelationship(input, record.version ?? undefined, comment.trim());
      draw({ nodes: [], edges: [saved], hubs: [], truncated: false });
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['relationship', id] }),
        queries.invalidateQueries({ queryKey: ['revisions', id] }),
        queries.invalidateQueries({ queryKey: ['entity'] }),
      ]);
      onDone();
    } catch (failure) {
      setProblem(problemOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="entity-editor" aria-label="Edit relationship" onSubmit={submit}>
      <label>
        Since (YYYY, YYYY-MM or YYYY-MM-DD)
        <input value={since} onChange={(event) => setSince(event.target.value)} />
        <FieldError problem={problem} field="since" />
      </label>
      <label>
        Until
        <input value={until} onChange={(event) => setUntil(event.target.value)} />
        <FieldError problem={problem} field="until" />
      </label>
      <label>
        Comment (why, kept with the revision)
        <input value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      {problem && !['since', 'until'].includes(problem.field ?? '') && (
        <p role="alert" className="error">
          {problem.message}
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
