// The panels' reads of the API, through the query cache: one key per question, so a question
// asked again is answered from the cache.
import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  fetchChanges,
  fetchEntity,
  fetchMoreRelationships,
  fetchNeighborhood,
  fetchOntology,
  fetchPaths,
  fetchRelationship,
  fetchSubgraph,
  searchEntities,
} from './queries.ts';
import type { EntityDetail, EntityDetails, RelationshipPage } from './types.ts';

/** What a panel shows while its data is on its way, when it failed, and once it is there. */
export type Fetched<T extends object> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | ({ status: 'done' } & T);

function fetchedOf<T extends object>(query: {
  status: 'pending' | 'error' | 'success';
  error: unknown;
  data: T | undefined;
}): Fetched<T> {
  if (query.status === 'error') return { status: 'error', message: String(query.error) };
  if (query.status === 'pending' || !query.data) return { status: 'loading' };
  return { status: 'done', ...query.data };
}

/** The ontology, the datasets loaded and the dates they span: asked once, before anything is drawn. */
export function useOntologyQuery() {
  const query = useQuery({ queryKey: ['ontology'], queryFn: fetchOntology });
  return { fetched: fetchedOf(query), retry: () => void query.refetch() };
}

/** One relationship with its evidence, as the details and the timeline's tip show it. */
export function useRelationship(id: string) {
  const query = useQuery({
    queryKey: ['relationship', id],
    queryFn: async ({ signal }) => ({ relationship: await fetchRelationship(id, signal) }),
  });
  return { fetched: fetchedOf(query), retry: () => void query.refetch() };
}

/** What changed between two dates around the given entities; nothing asked without dates. */
export function useChanges(ids: readonly string[], dates: { from: string; to: string } | null) {
  const query = useQuery({
    queryKey: ['changes', dates?.from, dates?.to, ids],
    queryFn: async ({ signal }) =>
      dates ? { changes: await fetchChanges([...ids], dates.from, dates.to, signal) } : undefined,
    enabled: dates !== null && ids.length > 0,
  });
  const enabled = dates !== null && ids.length > 0;
  return {
    fetched: enabled ? fetchedOf({ ...query, data: query.data ?? undefined }) : null,
    retry: () => void query.refetch(),
  };
}

type EntityPage = RelationshipPage & { entity: EntityDetail | null };

/** Options for useEntityDetails. */
export interface EntityDetailsOptions {
  /** Fetch further pages by themselves until this many relationships are listed (0: none). */
  fetchUpTo?: number;
}

/**
 * An entity with its relationships, a page at a time: the first page with the entity, each further
 * one on `loadMore` (or by itself up to `fetchUpTo`). A page that failed is not asked for again
 * until the user asks.
 */
export function useEntityDetails(id: string | null, { fetchUpTo = 0 }: EntityDetailsOptions = {}) {
  const query = useInfiniteQuery({
    queryKey: ['entity', id],
    enabled: id !== null,
    initialPageParam: null as string | null,
    getNextPageParam: (last: EntityPage) => last.next ?? undefined,
    queryFn: async ({ pageParam, signal }): Promise<EntityPage> => {
      if (!id) throw new Error('No entity is selected.');
      if (pageParam === null) {
        const first = await fetchEntity(id, signal);
        return first ?? { entity: null, relationships: [], next: null };
      }
      return { entity: null, ...(await fetchMoreRelationships(id, pageParam, signal)) };
    },
  });
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const entity = data?.pages[0]?.entity ?? null;
  const details: EntityDetails | null =
    data && entity
      ? {
          entity,
          relationships: data.pages.flatMap((page) => page.relationships),
          next: data.pages.at(-1)?.next ?? null,
        }
      : null;
  const listed = details?.relationships.length ?? 0;
  const wanted = hasNextPage && listed < fetchUpTo && !isFetchingNextPage && !isFetchNextPageError;
  useEffect(() => {
    if (wanted) void fetchNextPage();
  }, [wanted, fetchNextPage]);

  const fetched: Fetched<{ details: EntityDetails | null }> = data
    ? { status: 'done', details }
    : fetchedOf<{ details: EntityDetails | null }>({ ...query, data: undefined });
  const more: 'loading' | 'error' | undefined = isFetchingNextPage
    ? 'loading'
    : isFetchNextPageError
      ? 'error'
      : undefined;
  return {
    fetched,
    more,
    loadMore: () => void fetchNextPage({ cancelRefetch: false }),
    retry: () => void query.refetch(),
  };
}

/**
 * Search hits for a text. The same text typed while its search is on its way shares that request;
 * typed again later, it is asked again (staleTime 0), since the full-text index is eventually
 * consistent and a search is one cheap request.
 */
export function searchThroughCache(client: QueryClient, text: string) {
  return client.fetchQuery({
    queryKey: ['search', text],
    queryFn: ({ signal }) => searchEntities(text, signal),
    staleTime: 0,
  });
}

/** The canvas's reads: a neighbourhood, a shared view's subgraph, paths; each cached by its key. */
export function canvasReads(client: QueryClient) {
  return {
    neighborhood: (id: string) =>
      client.fetchQuery({ queryKey: ['neighborhood', id], queryFn: () => fetchNeighborhood([id]) }),
    subgraph: (ids: string[]) =>
      client.fetchQuery({ queryKey: ['subgraph', ids], queryFn: () => fetchSubgraph(ids) }),
    paths: (from: string, to: string, asOf: string | null, avoidHubs: boolean) =>
      client.fetchQuery({
        queryKey: ['paths', from, to, asOf, avoidHubs],
        queryFn: () => fetchPaths(from, to, asOf, avoidHubs),
      }),
  };
}
