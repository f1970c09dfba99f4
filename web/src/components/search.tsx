import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { EntitySummary, SearchHit } from '../api/types.ts';
import { searchThroughCache } from '../api/use-queries.ts';
import { answerEnter, MIN_QUERY_LENGTH, type SearchResults } from '../state/search-enter.ts';
import { matchedAlias } from '../state/search-match.ts';
import { KindBadge } from './ontology.tsx';
import './search.css';

const DEBOUNCE_MS = 200;

export interface SearchProps {
  /** The input's accessible name. */
  label: string;
  placeholder?: string;
  onChoose(entity: EntitySummary): void;
}

/**
 * Type-ahead search as an ARIA combobox: arrows move, Enter chooses, Escape closes. Enter
 * pressed before the hits arrive chooses the first of them when they do (or says that nothing
 * matched), since that is what someone who types a name and presses Enter means.
 */
export function Search({ label, placeholder, onChoose }: SearchProps) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<SearchResults<SearchHit>>({ status: 'idle' });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  /** The text Enter was pressed on, until the hits for it answer. */
  const [pending, setPending] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const client = useQueryClient();

  useEffect(() => {
    void attempt; // a retry after an error runs the same search again
    const query = text.trim();
    if (query.length < MIN_QUERY_LENGTH) {
      setResults({ status: 'idle' });
      return;
    }
    // A later text supersedes this one: its answer, when it comes, is only cached. A failed
    // search leaves nothing in the cache, so a retry asks again.
    let superseded = false;
    const timer = setTimeout(() => {
      setResults({ status: 'loading' });
      searchThroughCache(client, query).then(
        (hits) => {
          if (superseded) return;
          setResults({ status: 'done', text: query, hits });
          setActive(0);
        },
        (error: unknown) => {
          if (!superseded) setResults({ status: 'error', message: String(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      superseded = true;
      clearTimeout(timer);
    };
  }, [text, attempt, client]);

  // Enter only records what was typed; this answers it as soon as the hits for it are in.
  useEffect(() => {
    if (pending === null) return;
    const outcome = answerEnter(pending, results, active);
    if (outcome.action === 'wait') return;
    setPending(null);
    if (outcome.action === 'choose') {
      onChoose(outcome.hit.entity);
      setText('');
    } else if (outcome.action === 'nothing-matched') {
      setNotice(`No entity matches “${outcome.text}”.`);
    }
    if (outcome.action !== 'ignore') setOpen(false);
  }, [pending, results, active, onChoose]);

  const hits = results.status === 'done' ? results.hits : [];
  const expanded = open && results.status !== 'idle';

  const choose = (hit: SearchHit) => {
    onChoose(hit.entity);
    setOpen(false);
    setText('');
  };

  // Any edit is a new question: a pending Enter and its answer belong to the old one.
  const edit = (value: string) => {
    setText(value);
    setPending(null);
    setNotice('');
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (hits.length ? (i + 1) % hits.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (hits.length ? (i - 1 + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setPending(text.trim());
    } else if (event.key === 'Escape') {
      setPending(null);
      if (open) setOpen(false);
      else edit('');
    }
  };

  return (
    <div className="search">
      <input
        ref={input}
        // Not type="search": Chrome clears those on Escape, which here only closes the list.
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          edit(event.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
          // The list, open again, says what the notice said.
          setNotice('');
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <p className="search-notice" role="status">
        {notice}
      </p>
      {expanded && (
        <div className="search-popup">
          {results.status === 'loading' && <p className="hint">Searching…</p>}
          {results.status === 'error' && (
            <p className="hint error" role="alert">
              Search failed: {results.message}{' '}
              <button type="button" onClick={() => setAttempt((n) => n + 1)}>
                Retry
              </button>
            </p>
          )}
          {results.status === 'done' && hits.length === 0 && (
            <p className="hint">Nothing matches “{results.text}”.</p>
          )}
          <div id={listId} role="listbox" aria-label={`${label} results`}>
            {hits.map((hit, index) => {
              const alias =
                results.status === 'done' ? matchedAlias(hit.entity, results.text) : null;
              return (
                // Keys are handled by the combobox input (aria-activedescendant), as ARIA asks.
                // biome-ignore lint/a11y/useKeyWithClickEvents: see above
                <div
                  key={hit.entity.id}
                  tabIndex={-1}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'active' : undefined}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(hit)}
                  onMouseEnter={() => setActive(index)}
                >
                  <span className="hit-name">{hit.entity.name}</span>
                  {alias && <span className="hit-alias">matched “{alias}”</span>}
                  <KindBadge kind={hit.entity.kind} />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
