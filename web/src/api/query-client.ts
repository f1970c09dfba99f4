import { QueryClient } from '@tanstack/react-query';

/**
 * The explorer's cache of API answers. The graph changes only when a dataset is loaded again, so
 * an answer is kept fresh for ten minutes: selecting an entity again, expanding it again or
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
