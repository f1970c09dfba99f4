// Editors' requests: who the token belongs to, an entity's record, its history, and the writes.
import type { ResultOf, VariablesOf } from 'gql.tada';
import { request } from './client.ts';
import {
  DELETE_ENTITY,
  DUPLICATE_CANDIDATES,
  ENTITY_RECORD,
  MERGE_ENTITIES,
  MERGE_PREVIEW,
  RELATIONSHIP_RECORD,
  REVERT_CHANGE,
  REVERT_RECORD,
  REVISIONS,
  SOURCES,
  UPSERT_ENTITY,
  UPSERT_RELATIONSHIP,
  UPSERT_SOURCE,
  VIEWER,
} from './documents.ts';

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

/** Writes an entity: with the version it was read at, or none to create one. */
export async function saveEntity(input: EntityInput, expectedVersion?: string, comment?: string) {
  const variables = {
    input,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    ...(comment ? { comment } : {}),
  };
  return (await request(UPSERT_ENTITY, variables)).upsertEntity;
}

export async function deleteEntity(id: string, expectedVersion?: string, comment?: string) {
  const variables = {
    id,
    ...(expectedVersion ? { expectedVersion } : {}),
    ...(comment ? { comment } : {}),
  };
  return (await request(DELETE_ENTITY, variables)).deleteEntity;
}

export async function fetchRevisions(id: string): Promise<Revision[]> {
  return (await request(REVISIONS, { id })).revisions.nodes;
}

export async function revertTo(revision: string): Promise<void> {
  await request(REVERT_RECORD, { revision });
}

export type Reverted = ResultOf<typeof REVERT_CHANGE>['revertChange'][number];

/** Undoes a whole write (a merge, a delete with its relationships): the records it wrote back. */
export async function undoChange(change: string): Promise<Reverted[]> {
  return (await request(REVERT_CHANGE, { change })).revertChange;
}

export type Candidate = ResultOf<typeof DUPLICATE_CANDIDATES>['duplicateCandidates'][number];
export type MergePreview = ResultOf<typeof MERGE_PREVIEW>['mergePreview'];

export async function fetchDuplicateCandidates(id: string): Promise<Candidate[]> {
  return (await request(DUPLICATE_CANDIDATES, { id })).duplicateCandidates;
}

export async function fetchMergePreview(keep: string, drop: string): Promise<MergePreview> {
  return (await request(MERGE_PREVIEW, { keep, drop })).mergePreview;
}

/** Merges what was previewed: refused if either record changed since. */
export async function mergeEntities(preview: MergePreview, comment?: string) {
  const variables = {
    keep: preview.keep.id,
    drop: preview.drop.id,
    ...(preview.keep.version ? { keepVersion: preview.keep.version } : {}),
    ...(preview.drop.version ? { dropVersion: preview.drop.version } : {}),
    ...(comment ? { comment } : {}),
  };
  return (await request(MERGE_ENTITIES, variables)).mergeEntities;
}

export type SourceHit = ResultOf<typeof SOURCES>['sources'][number];

export async function searchSources(text: string): Promise<SourceHit[]> {
  return (await request(SOURCES, { text })).sources;
}

export type RelationshipRecord = NonNullable<ResultOf<typeof RELATIONSHIP_RECORD>['relationship']>;
export type RelationshipInput = VariablesOf<typeof UPSERT_RELATIONSHIP>['input'];
export type SourceInput = VariablesOf<typeof UPSERT_SOURCE>['input'];

export async function fetchRelationshipRecord(id: string): Promise<RelationshipRecord | null> {
  return (await request(RELATIONSHIP_RECORD, { id })).relationship;
}

export async function saveRelationship(
  input: RelationshipInput,
  expectedVersion?: string,
  comment?: string,
) {
  const variables = {
    input,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    ...(comment ? { comment } : {}),
  };
  return (await request(UPSERT_RELATIONSHIP, variables)).upsertRelationship;
}

export async function saveSource(input: SourceInput, expectedVersion?: string) {
  const variables = { input, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
  return (await request(UPSERT_SOURCE, variables)).upsertSource;
}

/** The input that writes a relationship back as read, with `changes` in place of its fields. */
export function relationshipInputOf(
  record: RelationshipRecord,
  changes: Partial<RelationshipInput>,
): RelationshipInput {
  const evidence = (items: RelationshipRecord['evidence']) =>
    items.map((item) => ({ source: item.source.id, quote: item.quote }));
  return {
    id: record.id,
    type: record.type,
    from: record.from.id,
    to: record.to.id,
    since: record.since,
    until: record.until,
    status: record.history[0]?.status ?? record.status,
    role: record.role,
    measure: record.measure,
    instrument: record.instrument,
    claim: record.claim,
    description: record.description,
    evidence: evidence(record.evidence),
    // The first phase is the relationship's own status; phases other datasets add stay by themselves.
    history: record.history
      .slice(1)
      .filter((phase) => phase.dataset === null || phase.dataset === record.dataset)
      .map((phase) => ({
        status: phase.status,
        since: phase.since ?? '',
        note: phase.note,
        evidence: evidence(phase.evidence),
      })),
    ...changes,
  };
}
