import type { EntityKind } from '../domain/entity-kinds.ts';
import type { EntityView } from '../validation/records.ts';
import type { Database } from './database.ts';
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
LIMIT $first
RETURN ${ENTITY_MAP} AS entity, score`;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * A Lucene query for type-ahead over names and aliases: each word must match as typed, as a
 * prefix, or within one edit ("Kaspersy" finds "Kaspersky"). User text is escaped, and the
 * words AND, OR and NOT are lower-cased so they are words, not operators.
 */
export function toLuceneQuery(text: string): string | undefined {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, (char) => `\\${char}`).toLowerCase())
    // A word without a letter or digit analyses to nothing and would make Lucene fail.
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return undefined;
  return words
    .map((word) => {
      const bare = word.replace(/\\/g, '');
      const fuzzy = bare.length >= 4 ? ` OR ${word}~1` : '';
      return `(${word}^3 OR ${word}*^2${fuzzy})`;
    })
    .join(' AND ');
}

export interface SearchHitRow {
  entity: EntityView;
  score: number;
}

export async function searchEntities(
  db: Database,
  text: string,
  options: { kinds?: readonly EntityKind[] | null; first: number },
): Promise<SearchHitRow[]> {
  const query = toLuceneQuery(text);
  if (!query) return [];
  const kinds = options.kinds && options.kinds.length > 0 ? [...options.kinds] : null;
  const rows = await db.read<{ entity: Record<string, unknown>; score: number }>(SEARCH, {
    query,
    kinds,
    first: options.first,
    candidates: options.first * (kinds ? 10 : 3),
  });
  return rows.map((row) => ({ entity: toEntity(row.entity), score: row.score }));
}
