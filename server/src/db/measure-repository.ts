import type { EntityKind } from '../domain/entity-kinds.ts';
import type { PartialDate } from '../domain/partial-date.ts';
import type { EntityMeasures, MeasureInput } from '../measures/graph-measures.ts';
import type { EntityView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { filterParams } from './filters.ts';
import { kindLabel } from './identifiers.ts';
import { ENTITY_MAP, entityExists, RELATIONSHIP_FILTER, toEntity } from './projections.ts';

/**
 * Measures the job (seed/src/measures.ts) stored on entities, and the graph it reads to compute
 * them. The properties are written after the record's content hash, like the name keys, so they
 * change no `version` and no export; a write that replaces an entity drops them with the rest.
 */

/** What is measured: the whole graph, or one dataset, as of a date or over all time. */
export interface MeasureScope {
  /** Only this dataset's entities and relationships (and the entities its relationships join). */
  dataset?: string | null;
  /** Only relationships valid, and entities existing, at this date. */
  asOf?: PartialDate | null;
}

/** Measures as stored: the values, and what they were computed over and when. */
export interface StoredMeasures extends EntityMeasures {
  /** The instant the job computed them (ISO 8601). */
  computedAt: string;
  asOf: PartialDate | null;
  dataset: string | null;
}

/** The stored property of each ranked measure: the one definition of where it lives. */
export const MEASURE_PROPERTIES = {
  degree: 'measureDegree',
  weightedDegree: 'measureWeightedDegree',
  betweenness: 'measureBetweenness',
  pagerank: 'measurePagerank',
} as const;

export type RankedMeasure = keyof typeof MEASURE_PROPERTIES;

const scopeParams = (scope: MeasureScope) => ({
  ...filterParams({ asOf: scope.asOf }),
  dataset: scope.dataset ?? null,
});

// `n` and `o` are both ends, each an entity of the scope that exists at the date.
const NODES = `
MATCH (n:Entity)
WHERE ($dataset IS NULL OR $dataset IN n.datasets) AND ${entityExists('n')}
RETURN n.id AS id
UNION
MATCH (n:Entity)-[r]-(o:Entity)
WHERE $dataset IS NOT NULL AND r.dataset = $dataset AND ${RELATIONSHIP_FILTER}
  AND ${entityExists('n')} AND ${entityExists('o')}
RETURN n.id AS id`;

const EDGES = `
MATCH (n:Entity)-[r]->(o:Entity)
WHERE ($dataset IS NULL OR r.dataset = $dataset) AND ${RELATIONSHIP_FILTER}
  AND ${entityExists('n')} AND ${entityExists('o')}`;

const COUNT = `
CALL () { ${NODES} }
WITH count(id) AS entities
CALL () { ${EDGES} RETURN count(r) AS relationships }
RETURN entities, relationships`;

/** How many entities and relationships the scope holds, before any is read. */
export async function countMeasureScope(
  db: Database,
  scope: MeasureScope,
): Promise<{ entities: number; relationships: number }> {
  const [row] = await db.read<{ entities: number; relationships: number }>(
    COUNT,
    scopeParams(scope),
  );
  return { entities: row?.entities ?? 0, relationships: row?.relationships ?? 0 };
}

/** The scope's entities and relationships, as the measures take them. */
export async function readMeasureGraph(db: Database, scope: MeasureScope): Promise<MeasureInput> {
  const params = scopeParams(scope);
  const nodes = await db.read<{ id: string }>(NODES, params);
  const edges = await db.read<{ source: string; target: string }>(
    `${EDGES} RETURN n.id AS source, o.id AS target`,
    params,
  );
  return { nodes: nodes.map((row) => row.id), edges };
}

const CLEAR = `
MATCH (e:Entity)
WHERE e.measuresComputedAt IS NOT NULL AND ($dataset IS NULL OR $dataset IN e.datasets)
REMOVE e.measureDegree, e.measureWeightedDegree, e.measureBetweenness, e.measurePagerank,
       e.measureCommunity, e.measuresComputedAt, e.measuresAsOf, e.measuresDataset`;

const WRITE = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.measureDegree = row.degree, e.measureWeightedDegree = row.weightedDegree,
    e.measureBetweenness = row.betweenness, e.measurePagerank = row.pagerank,
    e.measureCommunity = row.community, e.measuresComputedAt = $computedAt,
    e.measuresAsOf = $asOf, e.measuresDataset = $dataset`;

/** Rows per statement of the write: a few megabytes of parameters at most. */
const WRITE_BATCH = 10_000;

/**
 * Replaces the scope's stored measures with these, in one transaction: the entities of the
 * scope not measured (not existing at the date) are left with none rather than old ones.
 */
export async function writeMeasures(
  db: Database,
  scope: MeasureScope,
  measures: ReadonlyMap<string, EntityMeasures>,
  computedAt: string,
  onBatch?: (written: number) => void,
): Promise<void> {
  const rows = [...measures].map(([id, values]) => ({ id, ...values }));
  await db.transaction(async (tx) => {
    await tx.run(CLEAR, { dataset: scope.dataset ?? null });
    for (let start = 0; start < rows.length; start += WRITE_BATCH) {
      await tx.run(WRITE, {
        rows: rows.slice(start, start + WRITE_BATCH),
        computedAt,
        asOf: scope.asOf ?? null,
        dataset: scope.dataset ?? null,
      });
      onBatch?.(Math.min(start + WRITE_BATCH, rows.length));
    }
  });
}

const MEASURES_MAP = `e {
  degree: e.measureDegree, weightedDegree: e.measureWeightedDegree,
  betweenness: e.measureBetweenness, pagerank: e.measurePagerank, community: e.measureCommunity,
  computedAt: e.measuresComputedAt, asOf: e.measuresAsOf, dataset: e.measuresDataset
}`;

function toMeasures(row: Record<string, unknown>): StoredMeasures {
  return {
    degree: Number(row.degree),
    weightedDegree: Number(row.weightedDegree),
    betweenness: Number(row.betweenness),
    pagerank: Number(row.pagerank),
    community: Number(row.community),
    computedAt: String(row.computedAt),
    asOf: (row.asOf as PartialDate | null) ?? null,
    dataset: (row.dataset as string | null) ?? null,
  };
}

const FIND_MEASURES = `
MATCH (e:Entity) WHERE e.id IN $ids AND e.measuresComputedAt IS NOT NULL
RETURN e.id AS id, ${MEASURES_MAP} AS measures`;

/** The stored measures of these entities; an entity never measured is left out. */
export async function findMeasuresByIds(
  db: Database,
  ids: readonly string[],
): Promise<(StoredMeasures & { id: string })[]> {
  const rows = await db.read<{ id: string; measures: Record<string, unknown> }>(FIND_MEASURES, {
    ids: [...ids],
  });
  return rows.map((row) => ({ id: row.id, ...toMeasures(row.measures) }));
}

export interface RankingQuery {
  measure: RankedMeasure;
  kinds?: readonly EntityKind[] | null;
  /** Only measures computed as of this date (as the job was given it); all when omitted. */
  asOf?: PartialDate | null;
  first: number;
}

export interface RankingRow {
  entity: EntityView;
  value: number;
  measures: StoredMeasures;
}

// The property comes from MEASURE_PROPERTIES and the labels from the ontology's allow-list; the
// range index on each property (schema.ts) serves the order and the limit.
const rankingCypher = (property: string, kinds: readonly EntityKind[] | null) => `
MATCH (e:Entity)
WHERE e.${property} IS NOT NULL
  AND ($asOf IS NULL OR e.measuresAsOf = $asOf)
  ${kinds ? `AND (${kinds.map((kind) => `e:${kindLabel(kind)}`).join(' OR ')})` : ''}
WITH e ORDER BY e.${property} DESC, e.id LIMIT $first
RETURN ${ENTITY_MAP} AS entity, e.${property} AS value, ${MEASURES_MAP} AS measures`;

/** The entities with the highest stored value of a measure, highest first; ties by id. */
export async function findRanking(db: Database, query: RankingQuery): Promise<RankingRow[]> {
  const kinds = query.kinds && query.kinds.length > 0 ? [...new Set(query.kinds)].sort() : null;
  const rows = await db.read<{
    entity: Record<string, unknown>;
    value: number;
    measures: Record<string, unknown>;
  }>(rankingCypher(MEASURE_PROPERTIES[query.measure], kinds), {
    asOf: query.asOf ?? null,
    first: query.first,
  });
  return rows.map((row) => ({
    entity: toEntity(row.entity),
    value: Number(row.value),
    measures: toMeasures(row.measures),
  }));
}
