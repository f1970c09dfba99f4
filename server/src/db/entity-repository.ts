import type { EntityKind } from '../domain/entity-kinds.ts';
import type { EntityView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { kindLabel } from './identifiers.ts';
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

/** Filters other than kind: a kind is matched as the entity's label (see kindMatch). */
const PAGE_FILTER = `($country IS NULL OR e.country = $country)
  AND ($dataset IS NULL OR $dataset IN e.datasets)`;

/**
 * The entities of the asked kinds, each kind by its label and its own id index (so a page of a
 * rare kind reads only that kind's entities, in id order), or every entity without kinds.
 * Labels come from the ontology's allow-list; the kinds are sorted so each set plans once.
 */
function kindMatch(kinds: readonly EntityKind[] | null, where: string, branchEnd: string): string {
  if (!kinds) return `MATCH (e:Entity) WHERE ${where}`;
  const labels = [...new Set(kinds)].sort().map(kindLabel);
  const branches = labels.map((label) => `  MATCH (e:${label}) WHERE ${where} ${branchEnd}`);
  return `CALL () {\n${branches.join('\n  UNION ALL\n')}\n}`;
}

// Keyset pagination as a range, so the id index both seeks and orders.
const listCypher = (kinds: readonly EntityKind[] | null) => `
${kindMatch(kinds, `e.id > $after AND ${PAGE_FILTER}`, 'WITH e ORDER BY e.id LIMIT $limit RETURN e')}
WITH e ORDER BY e.id LIMIT $limit
RETURN ${ENTITY_MAP} AS entity`;

const countCypher = (kinds: readonly EntityKind[] | null) => `
${kindMatch(kinds, PAGE_FILTER, 'RETURN e')}
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

const kindsOf = (query: PageFilter) =>
  query.kinds && query.kinds.length > 0 ? [...query.kinds] : null;

/** The parameters PAGE_FILTER reads. */
const pageFilterParams = (query: PageFilter) => ({
  country: query.country ?? null,
  dataset: query.dataset ?? null,
});

/** A page of entities ordered by id, one more than asked so the caller knows if more follow. */
export async function listEntities(db: Database, query: EntityPageQuery): Promise<EntityView[]> {
  const rows = await db.read<{ entity: Record<string, unknown> }>(listCypher(kindsOf(query)), {
    ...pageFilterParams(query),
    // Every id sorts after the empty string.
    after: query.after ?? '',
    limit: query.first + 1,
  });
  return rows.map((row) => toEntity(row.entity));
}

export async function countEntities(db: Database, query: PageFilter): Promise<number> {
  const [row] = await db.read<{ total: number }>(
    countCypher(kindsOf(query)),
    pageFilterParams(query),
  );
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
