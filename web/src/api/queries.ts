import { request } from './client.ts';
import {
  CHANGES,
  ENTITY,
  EXPORT_RECORDS,
  MORE_RELATIONSHIPS,
  NEIGHBORHOOD,
  ONTOLOGY,
  PATHS,
  RELATIONSHIP,
  SEARCH,
  SUBGRAPH,
} from './documents.ts';
import type {
  Change,
  EntityDetails,
  ExportRecords,
  Ontology,
  Path,
  RelationshipDetail,
  RelationshipPage,
  RelationshipWithEnds,
  SearchHit,
  Subgraph,
} from './types.ts';

export async function fetchOntology(): Promise<Ontology> {
  const data = await request(ONTOLOGY, {});
  return { ...data.ontology, datasets: data.datasets, timeSpan: data.timeSpan };
}

export async function searchEntities(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  return (await request(SEARCH, { text, first: 10 }, signal)).search;
}

/** The entities around the given ones, one hop out, as the canvas expands them. */
export async function fetchNeighborhood(ids: string[]): Promise<Subgraph> {
  const data = await request(NEIGHBORHOOD, { ids });
  return data.neighborhood;
}

/** The given entities and every relationship among them: a shared view, drawn again. */
export async function fetchSubgraph(ids: string[]): Promise<Subgraph> {
  return (await request(SUBGRAPH, { ids })).subgraph;
}

/**
 * The most entities the canvas's exports read at once: with their relationships, evidence and
 * phases, each costs about 210 of the 200,000 a query may (QUERY_LIMITS in use-query-limits.ts).
 */
export const EXPORT_ENTITIES_MAX = 800;

/** The records of the given entities and of every relationship among them, as exported. */
export async function fetchExportRecords(ids: string[]): Promise<ExportRecords> {
  return (await request(EXPORT_RECORDS, { ids })).subgraph;
}

interface RelationshipConnection {
  nodes: RelationshipWithEnds[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const toPage = ({ nodes, pageInfo }: RelationshipConnection): RelationshipPage => ({
  relationships: nodes,
  next: pageInfo.hasNextPage ? pageInfo.endCursor : null,
});

/** An entity with its first page of relationships; null when there is no such entity. */
export async function fetchEntity(id: string, signal?: AbortSignal): Promise<EntityDetails | null> {
  const data = await request(ENTITY, { id }, signal);
  if (!data.entity) return null;
  const { relationships, ...entity } = data.entity;
  return { entity, ...toPage(relationships) };
}

/** The page of an entity's relationships that starts after `after`. */
export async function fetchMoreRelationships(
  id: string,
  after: string,
  signal?: AbortSignal,
): Promise<RelationshipPage> {
  const data = await request(MORE_RELATIONSHIPS, { id, after }, signal);
  return data.entity ? toPage(data.entity.relationships) : { relationships: [], next: null };
}

/** One relationship with its evidence; null when there is no such relationship. */
export async function fetchRelationship(
  id: string,
  signal?: AbortSignal,
): Promise<RelationshipDetail | null> {
  const data = await request(RELATIONSHIP, { id }, signal);
  return data.relationship;
}

/** `avoidHubs`: the API's usual hubs (server/src/domain/paths.ts) are left out between the ends. */
export async function fetchPaths(
  from: string,
  to: string,
  asOf: string | null,
  avoidHubs: boolean,
): Promise<Path[]> {
  return (await request(PATHS, { from, to, asOf: asOf ?? undefined, avoid: avoidHubs ? {} : null }))
    .paths;
}

/** The most changes a comparison lists. */
export const CHANGES_LISTED = 500;

/** What changed between two dates in the relationships of the given entities, in date order. */
export async function fetchChanges(
  ids: string[],
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<Change[]> {
  const variables = { ids, from, to, first: CHANGES_LISTED };
  return (await request(CHANGES, variables, signal)).changes;
}
