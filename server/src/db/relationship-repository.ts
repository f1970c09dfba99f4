import { type PartialDate, partialDateOrderBy } from '../domain/partial-date.ts';
import type { RelationshipView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { filterParams, type RelationshipFilters } from './filters.ts';
import {
  entityExists,
  RELATIONSHIP_BY_ID,
  RELATIONSHIP_FILTER,
  RELATIONSHIP_MAP,
  toRelationship,
} from './projections.ts';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Fixed pattern texts, chosen by the enum value, never built from input. */
const PATTERNS: Record<Direction, string> = {
  OUTGOING: '(e)-[r]->(o:Entity)',
  INCOMING: '(e)<-[r]-(o:Entity)',
  BOTH: '(e)-[r]-(o:Entity)',
};

const relationshipsOf = (direction: Direction) => `
MATCH (e:Entity {id: $id})
MATCH ${PATTERNS[direction]}
WHERE ${RELATIONSHIP_FILTER} AND ${entityExists('o')} AND ($after IS NULL OR r.id > $after)
WITH DISTINCT r ORDER BY r.id LIMIT $limit
RETURN ${RELATIONSHIP_MAP} AS rel`;

export interface RelationshipPageQuery extends RelationshipFilters {
  direction?: Direction;
  first: number;
  after?: string | null;
}

/** A page of an entity's relationships by id, one more than asked (keyset pagination). */
export async function findRelationshipsOf(
  db: Database,
  entityId: string,
  query: RelationshipPageQuery,
): Promise<RelationshipView[]> {
  const rows = await db.read<{ rel: Record<string, unknown> }>(
    relationshipsOf(query.direction ?? 'BOTH'),
    {
      id: entityId,
      ...filterParams(query),
      after: query.after ?? null,
      limit: query.first + 1,
    },
  );
  return rows.map((row) => toRelationship(row.rel, query.asOf));
}

const TIMELINE = `
MATCH (e:Entity {id: $id})-[r]-(:Entity)
WHERE type(r) IN $types AND (r.validFrom IS NOT NULL OR r.validTo IS NOT NULL)
WITH DISTINCT r
ORDER BY ${partialDateOrderBy('coalesce(r.since, r.until)')}, r.id
LIMIT $first
RETURN ${RELATIONSHIP_MAP} AS rel`;

/** An entity's first dated relationships, earliest first (a coarser date before a finer one). */
export async function findTimeline(
  db: Database,
  entityId: string,
  first: number,
  asOf?: PartialDate | null,
): Promise<RelationshipView[]> {
  const rows = await db.read<{ rel: Record<string, unknown> }>(TIMELINE, {
    id: entityId,
    types: filterParams({}).types,
    first,
  });
  return rows.map((row) => toRelationship(row.rel, asOf));
}

const RELATIONSHIP = `${RELATIONSHIP_BY_ID}
RETURN ${RELATIONSHIP_MAP} AS rel`;

/** One relationship by id, or null. */
export async function findRelationship(db: Database, id: string): Promise<RelationshipView | null> {
  const [row] = await db.read<{ rel: Record<string, unknown> }>(RELATIONSHIP, { id });
  return row ? toRelationship(row.rel) : null;
}
