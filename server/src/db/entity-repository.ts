import type { EntityKind } from '../domain/entity-kinds.ts';
import type { EntityView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { closeness, toLuceneQuery } from './lucene-query.ts';
import { ENTITY_MAP, toEntity } from './projections.ts';

const FIND_BY_IDS = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN ${ENTITY_MAP} AS entity`;

/** Entities by id, in one round trip; ids that do not exist are simply absent. */
export async function findEntitiesByIds(
  db: Database,
  ids: readonly string[],
): Promise<EntityView[]> {
  const rows = await db.read<{ entity: Record<string, unknown> }>(FIND_BY_IDS, { ids: [...ids] });
  return rows.map((row) => toEntity(row.entity));
}

const PAGE_FILTER = `($kinds IS NULL OR e.kind IN $kinds)
  AND ($country IS NULL OR e.country = $country)
  AND ($dataset IS NULL OR $dataset IN e.datasets)`;

const LIST = `
MATCH (e:Entity)
WHERE ${PAGE_FILTER} AND ($after IS NULL OR e.id > $after)
WITH e ORDER BY e.id LIMIT $limit
RETURN ${ENTITY_MAP} AS entity`;

const COUNT = `
MATCH (e:Entity)
WHERE ${PAGE_FILTER}
RETURN count(e) AS total`;

export interface EntityPageQuery {
  kinds?: readonly EntityKind[] | null;
  country?: string | null;
  /** Only entities this dataset holds. */
  dataset?: string | null;
  first: number;
  /** The id after which the page starts (keyset pagination). */
  after?: string | null;
}

type PageFilter = Pick<EntityPageQuery, 'kinds' | 'country' | 'dataset'>;

/** The parameters PAGE_FILTER reads. */
const pageFilterParams = (query: PageFilter) => ({
  kinds: query.kinds && query.kinds.length > 0 ? [...query.kinds] : null,
  country: query.country ?? null,
  dataset: query.dataset ?? null,
});

/** A page of entities ordered by id, one more than asked so the caller knows if more follow. */
export async function listEntities(db: Database, query: EntityPageQuery): Promise<EntityView[]> {
  const rows = await db.read<{ entity: Record<string, unknown> }>(LIST, {
    ...pageFilterParams(query),
    after: query.after ?? null,
    limit: query.first + 1,
  });
  return rows.map((row) => toEntity(row.entity));
}

export async function countEntities(db: Database, query: PageFilter): Promise<number> {
  const [row] = await db.read<{ total: number }>(COUNT, pageFilterParams(query));
  return row?.total ?? 0;
}

/**
 * Lucene's score, nudged by how connected an entity is: among names that match alike, the one
 * an analyst most likely means (Kaspersky Lab rather than a namesake) comes first.
 */
const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $candidates})
YIELD node AS e, score
WHERE $kinds IS NULL OR e.kind IN $kinds
WITH e, score * (1 + log10(1 + COUNT { (e)--() }) / 4) AS score
ORDER BY score DESC, e.name
LIMIT $kept
RETURN ${ENTITY_MAP} AS entity, score`;

/** Lucene's best hits read per hit asked for, to rank again by closeness to the typed text. */
const CANDIDATES_PER_HIT = 5;

export interface SearchHitRow {
  entity: EntityView;
  score: number;
}

/**
 * The hits whose name or an alias is the text come first, then those one typo away, then the
 * rest, each group in Lucene's order. One round trip: the regrouping is over the candidates.
 */
export async function searchEntities(
  db: Database,
  text: string,
  options: { kinds?: readonly EntityKind[] | null; first: number },
): Promise<SearchHitRow[]> {
  const query = toLuceneQuery(text);
  if (!query) return [];
  const kinds = options.kinds && options.kinds.length > 0 ? [...options.kinds] : null;
  const kept = Math.max(options.first * CANDIDATES_PER_HIT, 50);
  const rows = await db.read<{ entity: Record<string, unknown>; score: number }>(SEARCH, {
    query,
    kinds,
    // A kind filter drops some of Lucene's hits, so more are asked of it than are kept.
    candidates: kept * (kinds ? 4 : 1),
    kept,
  });
  // A closer group's scores are lifted above every score of the groups after it.
  const top = rows[0]?.score ?? 0;
  return rows
    .map((row, order) => {
      const entity = toEntity(row.entity);
      const close = closeness(text, [entity.name, ...entity.aliases]);
      return { entity, score: row.score + (2 - close) * top, order, close };
    })
    .sort((a, b) => a.close - b.close || a.order - b.order)
    .slice(0, options.first)
    .map(({ entity, score }) => ({ entity, score }));
}
