/** Shortest query the search sends; shorter text matches too much to be worth asking. */
export const MIN_QUERY_LENGTH = 2;

/** Where a type-ahead search stands: the hits it holds are for `text`, which may lag the input. */
export type SearchResults<Hit> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; text: string; hits: Hit[] }
  | { status: 'error'; message: string };

/** What Enter on `query` comes to, given the results so far. */
export type EnterOutcome<Hit> =
  | { action: 'choose'; hit: Hit }
  | { action: 'nothing-matched'; text: string }
  /** The hits for this query have not arrived yet: decide again when they do. */
  | { action: 'wait' }
  /** Nothing to choose and nothing to say (too short, or the search failed and says so). */
  | { action: 'ignore' };

/**
 * Enter means "open what I typed": the active hit when the hits shown are for the text in the
 * box, else the first hit once they arrive. Hits of an earlier text (shown while the next
 * search runs) are never chosen, since they answer something the person no longer typed.
 */
export function answerEnter<Hit>(
  query: string,
  results: SearchResults<Hit>,
  active: number,
): EnterOutcome<Hit> {
  if (query.length < MIN_QUERY_LENGTH || results.status === 'error') return { action: 'ignore' };
  if (results.status !== 'done' || results.text !== query) return { action: 'wait' };
  const hit = results.hits[active] ?? results.hits[0];
  return hit ? { action: 'choose', hit } : { action: 'nothing-matched', text: query };
}
