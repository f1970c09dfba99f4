import type { RecordKind, RevisionRecord } from '../domain/revisions.ts';
import type { EntityView, RelationshipView, SourceView } from '../validation/records.ts';
import type { Database } from './database.ts';
import {
  ENTITY_MAP,
  RELATIONSHIP_MAP,
  relationshipByIdUnion,
  SOURCE_MAP,
  toEntity,
  toRelationship,
  toSource,
} from './projections.ts';

/**
 * The reads that tell which records curators wrote through the API since a dataset's files were
 * last loaded: the revisions made since an instant (revision ids begin with their instant, so
 * the range is read through the id index), and the records as they are stored now.
 */

/** The stored record a revision names, or null when it is stored no more (deleted). */
export type StoredRecord =
  | { kind: 'entity'; view: EntityView }
  | { kind: 'relationship'; view: RelationshipView }
  | { kind: 'source'; view: SourceView };

/** A record curators wrote since an instant: its latest revision, and the record as stored. */
export interface EditedRecord {
  kind: RecordKind;
  id: string;
  /** Of its latest revision. */
  editor: string;
  at: string;
  after: RevisionRecord | null;
  stored: StoredRecord | null;
}

const LATEST_REVISIONS = `
MATCH (v:Revision) WHERE $since IS NULL OR v.id > $since
WITH v ORDER BY v.id DESC
WITH v.recordKind AS kind, v.record AS id, collect(v)[0] AS latest
RETURN kind, id, latest.editor AS editor, latest.at AS at, latest.after AS after
ORDER BY kind, id`;

const STORED_ENTITIES = `
MATCH (e:Entity) WHERE e.id IN $ids
RETURN ${ENTITY_MAP} AS row`;

const STORED_SOURCES = `
MATCH (s:Source) WHERE s.id IN $ids
RETURN ${SOURCE_MAP} AS row`;

const STORED_RELATIONSHIPS = `
UNWIND $ids AS id
CALL (id) {
  ${relationshipByIdUnion('id')}
}
RETURN ${RELATIONSHIP_MAP} AS row`;

type Row = { row: Record<string, unknown> };

/** Each record revised after `since` (an ISO instant; null: ever), with its latest revision. */
export async function findEditedRecords(
  db: Database,
  since: string | null,
): Promise<EditedRecord[]> {
  const revised = await db.read<{
    kind: RecordKind;
    id: string;
    editor: string;
    at: string;
    after: string | null;
  }>(LATEST_REVISIONS, { since });
  const ids = (kind: RecordKind) => revised.filter((r) => r.kind === kind).map((r) => r.id);
  const stored = new Map<string, StoredRecord>();
  for (const { row } of await db.read<Row>(STORED_ENTITIES, { ids: ids('entity') })) {
    const view = toEntity(row);
    stored.set(`entity:${view.id}`, { kind: 'entity', view });
  }
  for (const { row } of await db.read<Row>(STORED_SOURCES, { ids: ids('source') })) {
    const view = toSource(row);
    stored.set(`source:${view.id}`, { kind: 'source', view });
  }
  for (const { row } of await db.read<Row>(STORED_RELATIONSHIPS, { ids: ids('relationship') })) {
    const view = toRelationship(row);
    stored.set(`relationship:${view.id}`, { kind: 'relationship', view });
  }
  return revised.map((r) => ({
    kind: r.kind,
    id: r.id,
    editor: r.editor,
    at: r.at,
    after: r.after === null ? null : (JSON.parse(r.after) as RevisionRecord),
    stored: stored.get(`${r.kind}:${r.id}`) ?? null,
  }));
}

const LOADED_AT = `
MATCH (d:Dataset) WHERE d.id IN $ids
RETURN d.id AS id, d.loadedAt AS loadedAt, d.contentHash IS NOT NULL AS whole`;

/**
 * When each dataset's files were last loaded leaving every record of it as they say (null:
 * unknown, so every revision counts), and whether it was loaded whole (a YAML dataset).
 */
export async function findLoadedAt(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, { loadedAt: string | null; whole: boolean }>> {
  const rows = await db.read<{ id: string; loadedAt: string | null; whole: boolean }>(LOADED_AT, {
    ids,
  });
  return new Map(rows.map((row) => [row.id, { loadedAt: row.loadedAt, whole: row.whole }]));
}
