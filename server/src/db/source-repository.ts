import type { SourceView } from '../validation/records.ts';
import type { Database } from './database.ts';
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
