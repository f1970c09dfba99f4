import type { SourceView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { toLuceneQuery } from './lucene-query.ts';
import { SOURCE_MAP, toSource } from './projections.ts';

const FIND_BY_IDS = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN ${SOURCE_MAP} AS source`;

export async function findSourcesByIds(
  db: Database,
  ids: readonly string[],
): Promise<SourceView[]> {
  const rows = await db.read<{ source: Record<string, unknown> }>(FIND_BY_IDS, { ids: [...ids] });
  return rows.map((row) => toSource(row.source));
}

const SEARCH = `
CALL db.index.fulltext.queryNodes('source_search', $query, {limit: $first})
YIELD node AS s
RETURN ${SOURCE_MAP} AS source`;

/** Sources whose title, id or URL match the text as entity search does (see toLuceneQuery). */
export async function searchSources(
  db: Database,
  text: string,
  first: number,
): Promise<SourceView[]> {
  const query = toLuceneQuery(text);
  if (!query) return [];
  const rows = await db.read<{ source: Record<string, unknown> }>(SEARCH, { query, first });
  return rows.map((row) => toSource(row.source));
}
