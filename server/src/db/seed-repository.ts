import { ENTITY_KINDS, type EntityKind } from '../domain/entity-kinds.ts';
import { firstDay, lastDay } from '../domain/partial-date.ts';
import type {
  DatasetContent,
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
} from '../domain/records.ts';
import { stableHash } from '../domain/relationship-id.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';
import type { Database, Transaction } from './database.ts';

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface DatasetWriteReport {
  dataset: string;
  entities: WriteCounts;
  relationships: WriteCounts;
  sources: WriteCounts;
}

export interface WriteProgress {
  phase: 'reset' | 'datasets' | 'entities' | 'sources' | 'relationships';
  done: number;
  total: number;
}

export interface WriteOptions {
  /** Empty the database first, inside the same transaction. */
  reset?: boolean;
  /** Roll back at the end: report what would change, change nothing. */
  dryRun?: boolean;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  onProgress?: (progress: WriteProgress) => void | Promise<void>;
}

type Props = Record<string, unknown>;
interface Row {
  id: string;
  dataset: string;
  hash: string;
  props: Props;
  from?: string;
  to?: string;
}

/** Drops undefined values: Neo4j stores no nulls and `SET n = $props` must not see them. */
function defined(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
}

function evidenceProps(evidence: readonly EvidenceRecord[]): Props {
  return {
    evidenceSources: evidence.map((item) => item.source),
    evidenceQuotes: evidence.map((item) => item.quote ?? ''),
  };
}

function row(id: string, dataset: string, props: Props, ends?: { from: string; to: string }): Row {
  const clean = defined({ ...props, id });
  const hash = stableHash(JSON.stringify(clean));
  return { id, dataset, hash, props: { ...clean, hash }, ...ends };
}

function entityRow(entity: EntityRecord, dataset: string): Row {
  const { evidence, ...rest } = entity;
  return row(entity.id, dataset, { ...rest, ...evidenceProps(evidence), datasets: [dataset] });
}

function sourceRow(source: SourceRecord, dataset: string): Row {
  return row(source.id, dataset, { ...source, dataset });
}

function relationshipRow(rel: RelationshipRecord, dataset: string): Row {
  const { evidence, from, to, type: _type, ...rest } = rel;
  return row(
    rel.id,
    dataset,
    {
      ...rest,
      ...evidenceProps(evidence),
      validFrom: rel.since ? firstDay(rel.since) : undefined,
      validTo: rel.until ? lastDay(rel.until) : undefined,
      dataset,
    },
    { from, to },
  );
}

const OUTCOME = `CASE WHEN old IS NULL THEN 'created' WHEN old.hash = row.hash THEN 'unchanged' ELSE 'updated' END`;

const ALL_KIND_LABELS = ENTITY_KINDS.join(':');

/** Kind labels come from the ontology's allow-list, never from input. */
function writeEntitiesCypher(kind: EntityKind): string {
  if (!ENTITY_KINDS.includes(kind)) throw new Error(`not an entity kind: ${kind}`);
  return `
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old, ${OUTCOME} AS outcome
CALL (row, outcome) {
  WITH row, outcome WHERE outcome <> 'unchanged'
  MERGE (e:Entity {id: row.id})
  SET e = row.props
  REMOVE e:${ALL_KIND_LABELS}
  SET e:${kind}
}
RETURN row.dataset AS dataset, outcome, count(*) AS n`;
}

const WRITE_SOURCES = `
UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.id})
WITH row, old, ${OUTCOME} AS outcome
CALL (row, outcome) {
  WITH row, outcome WHERE outcome <> 'unchanged'
  MERGE (s:Source {id: row.id})
  SET s = row.props
}
RETURN row.dataset AS dataset, outcome, count(*) AS n`;

const WRITE_DATASETS = `
UNWIND $rows AS row
MERGE (d:Dataset {id: row.id})
SET d = row.props`;

/** Relationship types come from the ontology's allow-list, never from input. */
function writeRelationshipsCypher(type: RelationshipType): string {
  if (!RELATIONSHIP_TYPES.includes(type)) throw new Error(`not a relationship type: ${type}`);
  return `
UNWIND $rows AS row
OPTIONAL MATCH (x)-[old:${type} {id: row.id}]->(y)
WITH row, old,
  CASE WHEN old IS NULL THEN 'created'
       WHEN old.hash = row.hash AND x.id = row.from AND y.id = row.to THEN 'unchanged'
       ELSE 'updated' END AS outcome
CALL (row, old, outcome) {
  WITH row, old, outcome WHERE outcome <> 'unchanged'
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  FOREACH (stale IN CASE WHEN old IS NULL THEN [] ELSE [old] END | DELETE stale)
  CREATE (a)-[r:${type}]->(b)
  SET r = row.props
}
RETURN row.dataset AS dataset, outcome, count(*) AS n`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Writes datasets in one transaction: either all of it lands or none of it does. Every
 * statement is a batched `UNWIND ... MERGE`; a record whose content hash is unchanged is not
 * touched, so a second run reports everything unchanged.
 */
export async function writeDatasets(
  db: Database,
  contents: readonly DatasetContent[],
  options: WriteOptions = {},
): Promise<DatasetWriteReport[]> {
  const batchSize = options.batchSize ?? 5000;
  const reports = new Map<string, DatasetWriteReport>(
    contents.map((content) => [
      content.dataset.id,
      {
        dataset: content.dataset.id,
        entities: { created: 0, updated: 0, unchanged: 0 },
        relationships: { created: 0, updated: 0, unchanged: 0 },
        sources: { created: 0, updated: 0, unchanged: 0 },
      },
    ]),
  );
  const entities = contents.flatMap((c) =>
    c.entities.map((e) => ({ kind: e.kind, row: entityRow(e, c.dataset.id) })),
  );
  const sources = contents.flatMap((c) => c.sources.map((s) => sourceRow(s, c.dataset.id)));
  const relationships = contents.flatMap((c) =>
    c.relationships.map((r) => ({ type: r.type, row: relationshipRow(r, c.dataset.id) })),
  );
  const datasets = contents.map((c) => row(c.dataset.id, c.dataset.id, { ...c.dataset }));

  const tally = (
    part: 'entities' | 'sources' | 'relationships',
    rows: { dataset: string; outcome: keyof WriteCounts; n: number }[],
  ) => {
    for (const { dataset, outcome, n } of rows) {
      const report = reports.get(dataset);
      if (report) report[part][outcome] += n;
    }
  };

  const run = async (tx: Transaction) => {
    const progress = async (phase: WriteProgress['phase'], done: number, total: number) =>
      options.onProgress?.({ phase, done, total });
    if (options.reset) {
      await tx.run('MATCH (n) DETACH DELETE n');
      await progress('reset', 1, 1);
    }
    await tx.run(WRITE_DATASETS, { rows: datasets });
    await progress('datasets', datasets.length, datasets.length);

    let done = 0;
    for (const [kind, group] of groupBy(entities, (e) => e.kind)) {
      for (const batch of chunks(group, batchSize)) {
        tally(
          'entities',
          await tx.run(writeEntitiesCypher(kind), { rows: batch.map((e) => e.row) }),
        );
        done += batch.length;
        await progress('entities', done, entities.length);
      }
    }
    done = 0;
    for (const batch of chunks(sources, batchSize)) {
      tally('sources', await tx.run(WRITE_SOURCES, { rows: batch }));
      done += batch.length;
      await progress('sources', done, sources.length);
    }
    done = 0;
    for (const [type, group] of groupBy(relationships, (r) => r.type)) {
      for (const batch of chunks(group, batchSize)) {
        tally(
          'relationships',
          await tx.run(writeRelationshipsCypher(type), { rows: batch.map((r) => r.row) }),
        );
        done += batch.length;
        await progress('relationships', done, relationships.length);
      }
    }
    return [...reports.values()];
  };

  return db.transaction(run, {
    rollback: options.dryRun,
    timeoutMs: 0,
    metadata: { app: 'entente', task: 'seed' },
  });
}
