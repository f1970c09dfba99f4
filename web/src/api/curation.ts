// Editors' requests: who the token belongs to, an entity's record, its history, and the writes.
import type { ResultOf, VariablesOf } from 'gql.tada';
import { request } from './client.ts';
import { ENTITY_RECORD, REVERT_RECORD, REVISIONS, UPSERT_ENTITY, VIEWER } from './documents.ts';

export type EntityRecord = NonNullable<ResultOf<typeof ENTITY_RECORD>['entity']>;
export type EntityInput = VariablesOf<typeof UPSERT_ENTITY>['input'];
export type Revision = ResultOf<typeof REVISIONS>['revisions']['nodes'][number];

/** The editor's name the current token belongs to, or null when it is no editor's. */
export async function fetchEditor(): Promise<string | null> {
  const { viewer } = await request(VIEWER, {});
  return viewer.role === 'EDITOR' ? (viewer.editor ?? null) : null;
}

export async function fetchEntityRecord(id: string): Promise<EntityRecord | null> {
  return (await request(ENTITY_RECORD, { id })).entity;
}

export async function saveEntity(input: EntityInput, expectedVersion: string, comment?: string) {
  const variables = { input, expectedVersion, ...(comment ? { comment } : {}) };
  return (await request(UPSERT_ENTITY, variables)).upsertEntity;
}

export async function fetchRevisions(id: string): Promise<Revision[]> {
  return (await request(REVISIONS, { id })).revisions.nodes;
}

export async function revertTo(revision: string): Promise<void> {
  await request(REVERT_RECORD, { revision });
}
