import { useEffect, useId, useRef, useState } from 'react';
import { isAbort } from '../api/client.ts';
import { searchEntities } from '../api/queries.ts';
import type { EntitySummary, SearchHit } from '../api/types.ts';
import { matchedAlias } from '../state/search-match.ts';
import { KindBadge } from './ontology.tsx';

const DEBOUNCE_MS = 200;

type Results =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; text: string; hits: SearchHit[] }
  | { status: 'error'; message: string };

export interface SearchProps {
  /** The input's accessible name. */
  label: string;
  placeholder?: string;
  onChoose(entity: EntitySummary): void;
}

/** Type-ahead search as an ARIA combobox: arrows move, Enter chooses, Escape closes. */
export function Search({ label, placeholder, onChoose }: SearchProps) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void attempt; // a retry after an error runs the same search again
    const query = text.trim();
    if (query.length < 2) {
      setResults({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setResults({ status: 'loading' });
      searchEntities(query, controller.signal).then(
        (hits) => {
          setResults({ status: 'done', text: query, hits });
          setActive(0);
        },
        (error: unknown) => {
          if (!isAbort(error)) setResults({ status: 'error', message: String(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, attempt]);

  const hits = results.status === 'done' ? results.hits : [];
  const expanded = open && results.status !== 'idle';

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit.entity);
    setOpen(false);
    setText('');
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
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else setText('');
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
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
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
