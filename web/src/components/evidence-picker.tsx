// Evidence for a curator's write: a source, picked from those cited nearby, found by search or
// made here (title, id, URL, publisher, date), and a quote from it. Nothing is written until the
// form that holds it is saved: then a new source is made first, only if its id is free.
import { useState } from 'react';
import { idFromName } from '../../../server/src/domain/relationship-id.ts';
import { NEW_RECORD } from '../../../server/src/domain/revisions.ts';
import { type SourceHit, saveSource, searchSources } from '../api/curation.ts';
import { FieldError, type Problem, TextInput } from './form-parts.tsx';

const NEW_SOURCE = '__new__';

export interface SourceChoice {
  id: string;
  title: string;
}

/** The sources cited by these records (each once), to pick evidence from. */
export function citedSources(
  records: readonly {
    evidence: readonly { source: { id: string; title?: string | null } }[];
  }[],
): SourceChoice[] {
  const seen = new Map<string, string>();
  for (const record of records) {
    for (const item of record.evidence)
      seen.set(item.source.id, item.source.title ?? item.source.id);
  }
  return [...seen].map(([id, title]) => ({ id, title }));
}

export interface EvidenceDraft {
  source: string;
  title: string;
  sourceId: string;
  url: string;
  publisher: string;
  published: string;
  quote: string;
}

/** The evidence form's state, what is wrong with it, and the evidence it gives once written. */
export function useEvidenceDraft(cited: readonly SourceChoice[]) {
  const [draft, setDraft] = useState<EvidenceDraft>({
    source: cited[0]?.id ?? NEW_SOURCE,
    title: '',
    sourceId: '',
    url: '',
    publisher: '',
    published: '',
    quote: '',
  });
  const [found, setFound] = useState<SourceHit[]>([]);
  /** Sources the form offers: those cited nearby, then those found, each once. */
  const choices = [...cited, ...found.filter((hit) => !cited.some((item) => item.id === hit.id))];
  const problem = (): Problem | null => {
    if (draft.quote.trim() === '')
      return { field: 'quote', message: 'A quote from the source is required.' };
    if (draft.source === NEW_SOURCE && draft.title.trim() === '')
      return { field: 'title', message: 'A new source needs a title.' };
    return null;
  };
  /** Makes the new source if one is asked for, then answers the evidence to send. */
  const write = async (): Promise<{ source: string; quote: string }> => {
    let source = draft.source;
    if (source === NEW_SOURCE) {
      const trimmed = (value: string) => (value.trim() ? value.trim() : undefined);
      const made = await saveSource(
        {
          id: draft.sourceId.trim() || idFromName(draft.title),
          title: draft.title.trim(),
          url: trimmed(draft.url),
          publisher: trimmed(draft.publisher),
          published: trimmed(draft.published),
        },
        NEW_RECORD,
      );
      source = made.id;
      // Saved once: a second try after another field's error cites it rather than making it again.
      setFound((hits) => [{ ...made, url: null, published: null }, ...hits]);
      setDraft((now) => ({ ...now, source: made.id }));
    }
    return { source, quote: draft.quote.trim() };
  };
  return { draft, setDraft, choices, setFound, problem, write };
}

export type EvidenceState = ReturnType<typeof useEvidenceDraft>;

/** The evidence fields; `publishers` are the entities a new source can name as its publisher. */
export function EvidenceFields({
  state,
  problem,
  publishers,
}: {
  state: EvidenceState;
  problem: Problem | null;
  publishers: readonly { id: string; name: string }[];
}) {
  const { draft, setDraft, choices, setFound } = state;
  const [text, setText] = useState('');
  const [searching, setSearching] = useState<'idle' | 'busy' | 'none' | 'error'>('idle');
  const set = (field: keyof EvidenceDraft) => (value: string) =>
    setDraft({ ...draft, [field]: value });
  const find = async () => {
    if (text.trim() === '') return;
    setSearching('busy');
    try {
      const hits = await searchSources(text.trim());
      setFound(hits);
      setSearching(hits.length === 0 ? 'none' : 'idle');
      const first = hits[0];
      if (first) setDraft({ ...draft, source: first.id });
    } catch {
      setSearching('error');
    }
  };
  return (
    <fieldset>
      <legend>Evidence</legend>
      <label>
        Source
        <select
          aria-label="Source"
          value={draft.source}
          onChange={(event) => set('source')(event.target.value)}
        >
          {choices.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
          <option value={NEW_SOURCE}>A new source…</option>
        </select>
        <FieldError problem={problem} field="evidence" />
      </label>
      <div className="inline-search">
        <input
          aria-label="Find a source"
          placeholder="Find a source by title, id or URL"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" className="small" disabled={searching === 'busy'} onClick={find}>
          Find
        </button>
        {searching === 'none' && <span className="hint"> No source matches.</span>}
        {searching === 'error' && (
          <span role="alert" className="error">
            {' '}
            The search failed; try again.
          </span>
        )}
      </div>
      {draft.source === NEW_SOURCE && (
        <>
          <TextInput
            label="Source title"
            field="title"
            value={draft.title}
            onChange={set('title')}
            problem={problem}
          />
          <TextInput
            label="Source id"
            field="id"
            value={draft.sourceId}
            placeholder={idFromName(draft.title) || 'a-lowercase-slug'}
            onChange={set('sourceId')}
            problem={problem}
          />
          <TextInput
            label="Source URL"
            field="url"
            value={draft.url}
            onChange={set('url')}
            problem={problem}
          />
          <label>
            Publisher
            <select
              aria-label="Publisher"
              value={draft.publisher}
              onChange={(event) => set('publisher')(event.target.value)}
            >
              <option value="">—</option>
              {publishers.map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name}
                </option>
              ))}
            </select>
            <FieldError problem={problem} field="publisher" />
          </label>
          <TextInput
            label="Published (YYYY, YYYY-MM or YYYY-MM-DD)"
            field="published"
            value={draft.published}
            onChange={set('published')}
            problem={problem}
          />
        </>
      )}
      <TextInput
        label="Quote"
        field="quote"
        value={draft.quote}
        onChange={set('quote')}
        problem={problem}
        multiline
      />
    </fieldset>
  );
}

/** The fields of the evidence form an error may name. */
export const EVIDENCE_FIELDS = [
  'evidence',
  'title',
  'id',
  'url',
  'publisher',
  'published',
  'quote',
];
