// What the curation tests share: the mutations, an editor's credentials, and checks that a
// refused request left the graph exactly as it was.

import { expect } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { snapshot } from './graph.ts';
import { createClient, type GraphQLResult } from './graphql.ts';

export const EDITOR = { authorization: 'Bearer editor-token' };
/** A source of the curated kaspersky-eu-2018 dataset. */
export const SOURCE = 'itproportal-2018-06-kaspersky-ends-eu-work';

export const UPSERT_ENTITY = `mutation($input: UpsertEntityInput!) {
  upsertEntity(input: $input) { __typename id kind name aliases datasets evidence { source { id } quote } }
}`;
export const UPSERT_RELATIONSHIP = `mutation($input: UpsertRelationshipInput!) {
  upsertRelationship(input: $input) { id type status since until dataset from { id } to { id } }
}`;
export const UPSERT_SOURCE = `mutation($input: UpsertSourceInput!) {
  upsertSource(input: $input) { id title dataset publisher { id name } }
}`;
export const DELETE_ENTITY = 'mutation($id: ID!) { deleteEntity(id: $id) }';
export const DELETE_RELATIONSHIP = 'mutation($id: ID!) { deleteRelationship(id: $id) }';
export const MERGE = `mutation($keep: ID!, $drop: ID!) {
  mergeEntities(keep: $keep, drop: $drop) { id name aliases datasets evidence { source { id } } }
}`;

export type Vars = Record<string, unknown>;

/** A client for anonymous and editor requests, and the checks the curation tests make. */
export function createCurationClient(db: Database) {
  const query = createClient(db);
  return {
    query,
    asEditor: (document: string, variables: Vars = {}) => query(document, variables, EDITOR),
    /** Runs a request that must be refused; the graph must be exactly as it was. */
    async refused(request: () => Promise<GraphQLResult>) {
      const before = await snapshot(db);
      const result = await request();
      expect(result.data ?? null).toBeNull();
      expect(await snapshot(db)).toBe(before);
      const [error] = result.errors ?? [];
      return error as { message: string; extensions: { code: string; field?: string } };
    },
    cypher<T = Record<string, unknown>>(text: string, params: Vars = {}) {
      return db.read<T>(text, params);
    },
  };
}
