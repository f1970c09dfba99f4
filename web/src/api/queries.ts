import { request } from './client.ts';
import { ENTITY, NEIGHBORHOOD, ONTOLOGY, PATHS, SEARCH } from './documents.ts';
import type {
  EntityDetail,
  EntityDetails,
  Ontology,
  Path,
  RelationshipDetail,
  SearchHit,
  Subgraph,
} from './types.ts';

export async function fetchOntology(): Promise<Ontology> {
  return (await request<{ ontology: Ontology }>(ONTOLOGY)).ontology;
}

export async function searchEntities(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  return (await request<{ search: SearchHit[] }>(SEARCH, { text, first: 10 }, signal)).search;
}

/** Options of a neighbourhood fetch. */
export interface NeighborhoodOptions {
  depth?: number;
  limit?: number;
  relationshipTypes?: string[];
}

export async function fetchNeighborhood(
  ids: string[],
  options: NeighborhoodOptions = {},
): Promise<Subgraph> {
  const data = await request<{ neighborhood: Subgraph }>(NEIGHBORHOOD, {
    ids,
    depth: options.depth ?? 1,
    limit: options.limit ?? 200,
    relationshipTypes: options.relationshipTypes,
  });
  return data.neighborhood;
}

export async function fetchEntity(id: string, signal?: AbortSignal): Promise<EntityDetails | null> {
  const data = await request<{ entity: EntityDetail | null; timeline: RelationshipDetail[] }>(
    ENTITY,
    { id },
    signal,
  );
  return data.entity ? { entity: data.entity, relationships: data.timeline } : null;
}

export async function fetchPaths(from: string, to: string, asOf?: string | null): Promise<Path[]> {
  return (await request<{ paths: Path[] }>(PATHS, { from, to, asOf: asOf ?? undefined })).paths;
}
