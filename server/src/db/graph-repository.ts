import type { EntityKind } from '../domain/entity-kinds.ts';
import type { PartialDate } from '../domain/partial-date.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';
import type { EntityView, RelationshipView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { filterParams, type RelationshipFilters } from './filters.ts';
import { kindLabel, relType } from './identifiers.ts';
import {
  degreeOf,
  ENTITY_MAP,
  entityExists,
  RELATIONSHIP_FILTER,
  RELATIONSHIP_MAP,
  toEntity,
  toRelationship,
} from './projections.ts';

export interface HubRow {
  id: string;
  /** Relationships of this node that pass the filters. */
  total: number;
  byType: { type: RelationshipType; count: number }[];
}

export interface SubgraphRows {
  nodes: EntityView[];
  edges: RelationshipView[];
  hubs: HubRow[];
  truncated: boolean;
}

export interface NeighborhoodQuery extends RelationshipFilters {
  ids: readonly string[];
  depth: 1 | 2 | 3;
  kinds?: readonly EntityKind[] | null;
  limit: number;
  /** At most this many relationships are followed from any one node. */
  hubCap: number;
}

const COUNTED = `(f)-[r]-(n:Entity) WHERE ${RELATIONSHIP_FILTER} AND ($kinds IS NULL OR n.kind IN $kinds)`;

/**
 * A neighbour followed: one that exists at the date as well. Hubs' counts leave that test out
 * (COUNTED): they scan a hub's every relationship, and a relationship valid at a date almost
 * always has both ends then, so the test would cost a read per relationship to correct a count
 * that only says how many more there are.
 */
const NEIGHBOUR = `${COUNTED}
  AND ${entityExists('n')}`;

/** One level of breadth-first expansion, capped per node, noting hubs with counts per type. */
const LEVEL = `
CALL (frontier) {
  UNWIND frontier AS f
  CALL (f) {
    MATCH ${NEIGHBOUR}
    RETURN r, n LIMIT $hubCap
  }
  // Rows are pulled lazily: once a level has twice the node limit, the rest of the frontier
  // is never expanded.
  WITH r, n LIMIT $rowCap
  RETURN collect(r) AS levelRels, collect(DISTINCT n) AS levelNodes
}
CALL (frontier) {
  UNWIND frontier AS f
  WITH f, COUNT { MATCH ${COUNTED} } AS total
  WHERE total > $hubCap
  CALL (f) {
    MATCH ${COUNTED}
    RETURN type(r) AS type, count(*) AS count
  }
  WITH f, total, collect({type: type, count: count}) AS byType
  RETURN collect({id: f.id, total: total, byType: byType}) AS levelHubs
}
WITH seen, rels + levelRels AS rels, hubs + levelHubs AS hubs,
     [n IN levelNodes WHERE NOT n IN seen] AS found
WITH seen + found AS seen, rels, hubs,
     CASE WHEN size(seen) + size(found) >= $limit THEN [] ELSE found END AS frontier`;

/** The query text depends only on the depth, an integer the API bounds to 1..3. */
function neighborhoodCypher(depth: 1 | 2 | 3): string {
  return `
MATCH (s:Entity) WHERE s.id IN $ids
WITH collect(s) AS seen
WITH seen, seen AS frontier, [] AS rels, [] AS hubs
${LEVEL.repeat(depth)}
WITH seen[0..$limit] AS kept, size(seen) > $limit AS overLimit, rels, hubs
RETURN [e IN kept | ${ENTITY_MAP}] AS nodes,
       [r IN rels WHERE startNode(r) IN kept AND endNode(r) IN kept | ${RELATIONSHIP_MAP}] AS edges,
       hubs, overLimit`;
}

/** The neighbourhood of some entities in one round trip, capped per hub and in total. */
export async function findNeighborhood(
  db: Database,
  query: NeighborhoodQuery,
): Promise<SubgraphRows> {
  const [row] = await db.read<{
    nodes: Record<string, unknown>[];
    edges: Record<string, unknown>[];
    hubs: HubRow[];
    overLimit: boolean;
  }>(neighborhoodCypher(query.depth), {
    ids: [...query.ids],
    ...filterParams(query),
    kinds: query.kinds && query.kinds.length > 0 ? [...query.kinds] : null,
    limit: query.limit,
    hubCap: query.hubCap,
    rowCap: query.limit * 2,
  });
  if (!row) return { nodes: [], edges: [], hubs: [], truncated: false };
  const edges = new Map(
    row.edges.map((edge) => [edge.id as string, toRelationship(edge, query.asOf)]),
  );
  return {
    nodes: row.nodes.map(toEntity),
    edges: [...edges.values()],
    hubs: row.hubs,
    truncated: row.overLimit || row.hubs.length > 0,
  };
}

/**
 * The given entities and every relationship among them, whatever the hub cap: what a saved
 * view needs to be drawn again as it was.
 */
const SUBGRAPH = `
MATCH (e:Entity) WHERE e.id IN $ids
WITH collect(e) AS kept
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity) WHERE b.id IN $ids
  RETURN collect(r) AS rels
}
RETURN [e IN kept | ${ENTITY_MAP}] AS nodes, [r IN rels | ${RELATIONSHIP_MAP}] AS edges`;

/** `asOf` sets each relationship's status to the one in force then; it filters nothing. */
export async function findSubgraph(
  db: Database,
  ids: readonly string[],
  asOf?: PartialDate | null,
): Promise<SubgraphRows> {
  const [row] = await db.read<{
    nodes: Record<string, unknown>[];
    edges: Record<string, unknown>[];
  }>(SUBGRAPH, { ids: [...ids] });
  return {
    nodes: (row?.nodes ?? []).map(toEntity),
    edges: (row?.edges ?? []).map((edge) => toRelationship(edge, asOf)),
    hubs: [],
    truncated: false,
  };
}

export interface PathQuery extends RelationshipFilters {
  from: string;
  to: string;
  maxLength: number;
  limit: number;
  /** Entities no path passes through; null or absent: any entity may be passed through. */
  avoid?: PathAvoidance | null;
}

/** Hubs a path may start or end at but not pass through. */
export interface PathAvoidance {
  /** Entities of these kinds are hubs. */
  kinds: readonly EntityKind[];
  /** Entities with more relationships than this are hubs; null: no degree test. */
  maxDegree: number | null;
}

export interface PathRow {
  nodes: EntityView[];
  edges: RelationshipView[];
}

/** Naming the types lets the planner expand by type; RELATIONSHIP_FILTER narrows them further. */
const ALL_TYPES = RELATIONSHIP_TYPES.map(relType).join('|');

/**
 * The hub test on the node `x` a hop reaches, unless it is the far end `b`. It sits inside the
 * quantified pattern, so SHORTEST applies it while it searches: a hub is never expanded, and
 * the paths found are the shortest of the graph without the hubs. Kinds are labels, read from
 * the node record; the degree is read from the relationship group store for dense nodes (see
 * `degreeOf`), so neither reads a hub's relationships.
 */
function avoidedCypher(avoid: PathAvoidance | null | undefined): string {
  if (!avoid) return '';
  const tests = [
    ...(avoid.kinds.length > 0
      ? [`x:${[...new Set(avoid.kinds)].sort().map(kindLabel).join('|')}`]
      : []),
    ...(avoid.maxDegree === null ? [] : [`${degreeOf('x')} > $maxDegree`]),
  ];
  return tests.length === 0 ? '' : `\n    AND (x = b OR NOT (${tests.join(' OR ')}))`;
}

/**
 * Integers bounded by the API are the only non-parameters: SHORTEST and quantifiers need
 * literals. Kind labels come from the ontology's allow-list.
 */
function pathsCypher(limit: number, maxLength: number, avoid?: PathAvoidance | null): string {
  if (!Number.isInteger(limit) || !Number.isInteger(maxLength))
    throw new Error('path bounds must be integers');
  return `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST ${limit} (a)((:Entity)-[r:${ALL_TYPES}]-(x:Entity) WHERE ${RELATIONSHIP_FILTER} AND ${entityExists('x')}${avoidedCypher(avoid)}){1,${maxLength}}(b)
RETURN [e IN nodes(p) | ${ENTITY_MAP}] AS nodes, [r IN relationships(p) | ${RELATIONSHIP_MAP}] AS edges`;
}

/** The k shortest paths between two entities, every hop passing the filters. */
export async function findPaths(db: Database, query: PathQuery): Promise<PathRow[]> {
  const rows = await db.read<{
    nodes: Record<string, unknown>[];
    edges: Record<string, unknown>[];
  }>(pathsCypher(query.limit, query.maxLength, query.avoid), {
    from: query.from,
    to: query.to,
    ...filterParams(query),
    maxDegree: query.avoid?.maxDegree ?? null,
  });
  return rows.map((row) => ({
    nodes: row.nodes.map(toEntity),
    edges: row.edges.map((edge) => toRelationship(edge, query.asOf)),
  }));
}
