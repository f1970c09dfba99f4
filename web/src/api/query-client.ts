import { QueryClient } from '@tanstack/react-query';

/** Reads no write changes: the ontology is the code's. */
const UNCHANGING = new Set(['ontology']);

/**
 * The explorer's cache of API answers. The graph changes only when a dataset is loaded again or a
 * curator writes (then `forgetReads`), so an answer is kept fresh for ten minutes: selecting an entity again, expanding it again or
 * hovering a phase again reads the cache. A failed request is shown with a Retry button at once
 * rather than retried behind the user's back; only an answer that asks to be retried later (the
 * database unavailable, the server busy) is retried, by the client itself (client.ts), with a
 * notice saying so.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10 * 60_000,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

/**
 * After a curator's write: every cached read may hold the records it changed (an entity's name
 * is in searches, neighbourhoods and paths), so all are marked stale and the ones shown refetched.
 */
export function forgetReads(client: QueryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => !UNCHANGING.has(String(query.queryKey[0])),
  });
}
