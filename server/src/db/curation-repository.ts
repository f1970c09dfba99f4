import { ENTITY_KINDS, type EntityKind } from '../domain/entity-kinds.ts';
import type { RelationshipType } from '../domain/relationship-types.ts';
import {
  entityRevisionRecord,
  relationshipRevisionRecord,
  sourceRevisionRecord,
} from '../domain/revisions.ts';
import { timeSpanOf } from '../domain/status-history.ts';
import type {
  EntityRecord,
  EntityView,
  EvidenceRecord,
  RelationshipRecord,
  RelationshipView,
  SourceRecord,
  SourceView,
} from '../validation/records.ts';
import type { Database, Transaction } from './database.ts';
import { kindLabel, relType } from './identifiers.ts';
import {
  ENTITY_MAP,
  RELATIONSHIP_BY_ID,
  RELATIONSHIP_MAP,
  SOURCE_MAP,
  toEntity,
  toRelationship,
  toSource,
} from './projections.ts';
import { type RevisionNote, recordRevision } from './revision-repository.ts';
import { WIDEN_DATASET_SPAN } from './seed-cypher.ts';
import {
  keepAddedPhases,
  type Props,
  storedEntity,
  storedRelationship,
  storedSource,
} from './stored-records.ts';

/**
 * The curator's writes. Each runs in one transaction: it looks up what the input refers to,
 * hands that to the caller's `check` (which throws to refuse, so nothing is written), writes,
 * and reads the result back. Records are stored exactly as the seeder stores them, content
 * hash included, so a later seed run sees curated records as changed and vice versa. Each
 * records what it changed as a revision (revision-repository.ts), in the same transaction.
 */

/** The dataset curated records belong to when they belong to no other. */
export const CURATION_DATASET = 'curation';

const ENSURE_CURATION_DATASET = `
MERGE (d:Dataset {id: $id})
ON CREATE SET d.title = 'Curated through the API',
              d.description = 'Entities, relationships and sources written by curators through the API rather than loaded from a dataset.'`;

/** Gives the records curators write a dataset node, so `datasets` lists (and credits) them too. */
export async function ensureCurationDataset(tx: Transaction): Promise<void> {
  await tx.run(ENSURE_CURATION_DATASET, { id: CURATION_DATASET });
}

/** What exists of the entities and sources an input names, and of the record it writes. */
export interface References {
  /** Kind of each named entity that exists. */
  entities: Map<string, EntityKind>;
  /** Ids of the named sources that exist. */
  sources: Set<string>;
  /**
   * The version (content hash) of the record the write replaces or deletes, read once it is
   * locked for this transaction, so no other write can change it before this one commits;
   * null when there is no such record.
   */
  version: string | null;
}

/** The record a write replaces or deletes. */
type Target = { label: 'Entity' | 'Source'; id: string } | { relationship: string };

const lockTarget = (target: Target) =>
  'relationship' in target
    ? `${RELATIONSHIP_BY_ID} SET r._lock = true`
    : `MATCH (x:${target.label} {id: $id}) SET x._lock = true`;

const readVersion = (target: Target) =>
  'relationship' in target
    ? `${RELATIONSHIP_BY_ID} RETURN r.hash AS version`
    : `MATCH (x:${target.label} {id: $id}) RETURN x.hash AS version`;

/**
 * Takes the write lock on the target (a property set, replaced by the write's own properties or
 * gone with the record), then reads its version: a concurrent write of the same record waits
 * for this one and reads what it wrote.
 */
async function lockedVersion(tx: Transaction, target: Target): Promise<string | null> {
  const id = 'relationship' in target ? target.relationship : target.id;
  await tx.run(lockTarget(target), { id });
  const [row] = await tx.run<{ version: string | null }>(readVersion(target), { id });
  return row ? (row.version ?? '') : null;
}

/** Throws to refuse a write; runs inside the transaction, before anything is written. */
export type Check = (found: References) => void;

const LOOKUP_REFERENCES = `
CALL () {
  UNWIND $entities AS id
  MATCH (e:Entity {id: id})
  RETURN collect([e.id, e.kind]) AS entities
}
CALL () {
  UNWIND $sources AS id
  MATCH (s:Source {id: id})
  RETURN collect(s.id) AS sources
}
RETURN entities, sources`;

export async function lookUp(
  tx: Transaction,
  names: { entities?: string[]; sources?: string[] },
  target?: Target,
): Promise<References> {
  const version = target ? await lockedVersion(tx, target) : null;
  const [row] = await tx.run<{ entities: [string, EntityKind][]; sources: string[] }>(
    LOOKUP_REFERENCES,
    { entities: names.entities ?? [], sources: names.sources ?? [] },
  );
  return {
    entities: new Map(row?.entities ?? []),
    sources: new Set(row?.sources ?? []),
    version,
  };
}

/** A row a statement always returns; its absence is a bug, not a user error. */
export function one<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('a curation statement returned no row');
  return row;
}

const sourcesOf = (evidence: readonly EvidenceRecord[]) => evidence.map((item) => item.source);

/** A dataset's node spans the dates of its records, a curator's included (see timeSpan). */
async function widenSpan(
  tx: Transaction,
  dataset: string,
  records: Parameters<typeof timeSpanOf>[0],
): Promise<void> {
  await tx.run(WIDEN_DATASET_SPAN, { id: dataset, span: timeSpanOf(records) });
}

// --- Entities

export const READ_ENTITY_PROPS = `
MATCH (e:Entity) WHERE e.id IN $ids
RETURN e.id AS id, properties(e) AS props`;

const writeEntity = (kind: EntityKind) => `
MERGE (e:Entity {id: $id})
SET e = $props
REMOVE e:${ENTITY_KINDS.map(kindLabel).join(':')}
SET e:${kindLabel(kind)}
RETURN ${ENTITY_MAP} AS entity`;

/** Creates an entity or replaces its properties and kind; it keeps its datasets, plus curation. */
export async function upsertEntityIn(
  tx: Transaction,
  entity: EntityRecord,
  check: Check,
  note: RevisionNote,
): Promise<EntityView> {
  const target = { label: 'Entity', id: entity.id } as const;
  check(await lookUp(tx, { sources: sourcesOf(entity.evidence) }, target));
  const [old] = await tx.run<{ props: Props }>(READ_ENTITY_PROPS, { ids: [entity.id] });
  const datasets = (old?.props.datasets as string[] | undefined) ?? [];
  const props = storedEntity(entity, [...new Set([...datasets, CURATION_DATASET])]);
  await ensureCurationDataset(tx);
  const [row] = await tx.run<{ entity: Props }>(writeEntity(entity.kind), {
    id: entity.id,
    props,
  });
  await widenSpan(tx, CURATION_DATASET, { entities: [entity], relationships: [], phases: [] });
  const written = toEntity(one(row).entity);
  await recordRevision(tx, {
    recordKind: 'entity',
    recordId: entity.id,
    before: old ? entityRevisionRecord(toEntity(old.props)) : null,
    after: entityRevisionRecord(written),
    note,
  });
  return written;
}

export function upsertEntity(
  db: Database,
  entity: EntityRecord,
  check: Check,
  note: RevisionNote,
): Promise<EntityView> {
  return db.transaction((tx) => upsertEntityIn(tx, entity, check, note));
}

const DELETE_ENTITY = `
MATCH (e:Entity {id: $id})
DETACH DELETE e
RETURN count(*) AS deleted`;

export const RELATIONSHIPS_OF_ENTITY = `
MATCH (:Entity {id: $id})-[r]-(:Entity)
WITH DISTINCT r
RETURN ${RELATIONSHIP_MAP} AS rel`;

/**
 * Deletes an entity and its relationships, and forgets it as publisher or author of sources
 * (the sources stay); false when there was none. Each relationship it takes along gets a
 * revision of its own, so that each can be brought back.
 */
export async function deleteEntityIn(
  tx: Transaction,
  id: string,
  check: Check,
  note: RevisionNote,
): Promise<boolean> {
  check(await lookUp(tx, {}, { label: 'Entity', id }));
  const [old] = await tx.run<{ props: Props }>(READ_ENTITY_PROPS, { ids: [id] });
  const rels = await tx.run<{ rel: Props }>(RELATIONSHIPS_OF_ENTITY, { id });
  const [row] = await tx.run<{ deleted: number }>(DELETE_ENTITY, { id });
  const deleted = (row?.deleted ?? 0) > 0;
  if (!deleted || !old) return false;
  await repointSources(tx, id, undefined, note);
  for (const { rel } of rels) {
    const view = toRelationship(rel);
    await recordRevision(tx, {
      recordKind: 'relationship',
      recordId: view.id,
      before: relationshipRevisionRecord(view),
      after: null,
      note: { ...note, comment: note.comment ?? `Deleted with the entity ${id}.` },
    });
  }
  await recordRevision(tx, {
    recordKind: 'entity',
    recordId: id,
    before: entityRevisionRecord(toEntity(old.props)),
    after: null,
    note,
  });
  return true;
}

export function deleteEntity(
  db: Database,
  id: string,
  check: Check,
  note: RevisionNote,
): Promise<boolean> {
  return db.transaction((tx) => deleteEntityIn(tx, id, check, note));
}

// --- Relationships

const READ_RELATIONSHIP = `${RELATIONSHIP_BY_ID}
RETURN r.dataset AS dataset, r.history AS history, ${RELATIONSHIP_MAP} AS rel`;

const DELETE_RELATIONSHIP = `${RELATIONSHIP_BY_ID}
DELETE r
RETURN count(*) AS deleted`;

const createRelationship = (type: RelationshipType) => `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CREATE (a)-[r:${relType(type)}]->(b)
SET r = $props
RETURN ${RELATIONSHIP_MAP} AS rel`;

/**
 * Writes a relationship under its id, replacing one of any type with that id (its ends or type
 * may have changed); it keeps the dataset it had, or joins curation.
 */
export async function upsertRelationshipIn(
  tx: Transaction,
  rel: RelationshipRecord,
  check: Check,
  note: RevisionNote,
): Promise<RelationshipView> {
  check(
    await lookUp(
      tx,
      { entities: [rel.from, rel.to], sources: sourcesOf(rel.evidence) },
      { relationship: rel.id },
    ),
  );
  const [old] = await tx.run<{ dataset: string | null; history: unknown; rel: Props }>(
    READ_RELATIONSHIP,
    { id: rel.id },
  );
  if (old) await tx.run(DELETE_RELATIONSHIP, { id: rel.id });
  const dataset = old?.dataset ?? CURATION_DATASET;
  if (dataset === CURATION_DATASET) await ensureCurationDataset(tx);
  await widenSpan(tx, dataset, { entities: [], relationships: [rel], phases: [] });
  const [row] = await tx.run<{ rel: Props }>(createRelationship(rel.type), {
    from: rel.from,
    to: rel.to,
    props: keepAddedPhases(storedRelationship(rel, dataset), old?.history),
  });
  const written = toRelationship(one(row).rel);
  await recordRevision(tx, {
    recordKind: 'relationship',
    recordId: rel.id,
    before: old ? relationshipRevisionRecord(toRelationship(old.rel)) : null,
    after: relationshipRevisionRecord(written),
    note,
  });
  return written;
}

export function upsertRelationship(
  db: Database,
  rel: RelationshipRecord,
  check: Check,
  note: RevisionNote,
): Promise<RelationshipView> {
  return db.transaction((tx) => upsertRelationshipIn(tx, rel, check, note));
}

/** Deletes a relationship of any type by id; false when there was none. */
export async function deleteRelationshipIn(
  tx: Transaction,
  id: string,
  check: Check,
  note: RevisionNote,
): Promise<boolean> {
  check(await lookUp(tx, {}, { relationship: id }));
  const [old] = await tx.run<{ rel: Props }>(READ_RELATIONSHIP, { id });
  const [row] = await tx.run<{ deleted: number }>(DELETE_RELATIONSHIP, { id });
  if ((row?.deleted ?? 0) === 0 || !old) return false;
  await recordRevision(tx, {
    recordKind: 'relationship',
    recordId: id,
    before: relationshipRevisionRecord(toRelationship(old.rel)),
    after: null,
    note,
  });
  return true;
}

export function deleteRelationship(
  db: Database,
  id: string,
  check: Check,
  note: RevisionNote,
): Promise<boolean> {
  return db.transaction((tx) => deleteRelationshipIn(tx, id, check, note));
}

// --- Sources

const READ_SOURCES = `
MATCH (s:Source) WHERE s.id IN $ids OR s.publisher IN $entities OR s.author IN $entities
RETURN properties(s) AS props`;

const WRITE_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props
RETURN ${SOURCE_MAP} AS source`;

/** Creates a source or replaces its properties; it keeps the dataset it had, or joins curation. */
export async function upsertSourceIn(
  tx: Transaction,
  source: SourceRecord,
  check: Check,
  note: RevisionNote,
): Promise<SourceView> {
  const named = [source.publisher, source.author].filter((id): id is string => !!id);
  check(await lookUp(tx, { entities: named }, { label: 'Source', id: source.id }));
  const [old] = await tx.run<{ props: Props }>(READ_SOURCES, { ids: [source.id], entities: [] });
  const dataset = (old?.props.dataset as string | undefined) ?? CURATION_DATASET;
  if (dataset === CURATION_DATASET) await ensureCurationDataset(tx);
  const [row] = await tx.run<{ source: Props }>(WRITE_SOURCES, {
    rows: [{ id: source.id, props: storedSource(source, dataset) }],
  });
  const written = toSource(one(row).source);
  await recordRevision(tx, {
    recordKind: 'source',
    recordId: source.id,
    before: old ? sourceRevisionRecord(toSource(old.props)) : null,
    after: sourceRevisionRecord(written),
    note,
  });
  return written;
}

export function upsertSource(
  db: Database,
  source: SourceRecord,
  check: Check,
  note: RevisionNote,
): Promise<SourceView> {
  return db.transaction((tx) => upsertSourceIn(tx, source, check, note));
}

/** Sources naming `from` as publisher or author name `to` instead, or nobody; each a revision. */
export async function repointSources(
  tx: Transaction,
  from: string,
  to: string | undefined,
  note: RevisionNote,
): Promise<void> {
  const rows = await tx.run<{ props: Props }>(READ_SOURCES, { ids: [], entities: [from] });
  const swap = (id: string | undefined) => (id === from ? to : id);
  const updated = rows.map(({ props }) => {
    const { dataset, version: _version, ...source } = toSource(props);
    const record = { ...source, publisher: swap(source.publisher), author: swap(source.author) };
    return { before: source, record, dataset: dataset ?? CURATION_DATASET };
  });
  if (updated.length === 0) return;
  await tx.run(WRITE_SOURCES, {
    rows: updated.map(({ record, dataset }) => ({
      id: record.id,
      props: storedSource(record, dataset),
    })),
  });
  for (const { before, record } of updated) {
    await recordRevision(tx, {
      recordKind: 'source',
      recordId: record.id,
      before: sourceRevisionRecord(before),
      after: sourceRevisionRecord(record),
      note,
    });
  }
}
