import type { DatasetRecord } from '../validation/records.ts';
import type { Database } from './database.ts';

const LIST_DATASETS = `
MATCH (d:Dataset)
RETURN d.id AS id, d.title AS title, d.description AS description, d.license AS license,
       d.version AS version, coalesce(d.requires, []) AS requires
ORDER BY id`;

/** The datasets loaded, as their headers describe them. */
export async function listDatasets(db: Database): Promise<DatasetRecord[]> {
  const rows = await db.read<{
    id: string;
    title: string | null;
    description: string | null;
    license: string | null;
    version: number | null;
    requires: string[];
  }>(LIST_DATASETS);
  return rows.map((row) => ({
    id: row.id,
    // The seeder and the API always write a title; a node made by hand in Neo4j may lack one.
    title: row.title ?? row.id,
    description: row.description ?? undefined,
    license: row.license ?? undefined,
    version: row.version ?? undefined,
    requires: row.requires,
  }));
}

/** How the database holds an entity that a run defines: its kind and the datasets it came from. */
export interface StoredEntityKind {
  id: string;
  kind: string;
  datasets: string[];
}

const FIND_ENTITY_KINDS = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.kind AS kind, coalesce(e.datasets, []) AS datasets`;

/** The stored kind and datasets of each of these entity ids that the database already holds. */
const KIND_LOOKUP_PART = 50_000;

export async function findEntityKinds(
  db: Database,
  ids: readonly string[],
): Promise<StoredEntityKind[]> {
  // In parts, so that a file of a million entities is not one query holding every id.
  const found: StoredEntityKind[] = [];
  for (let i = 0; i < ids.length; i += KIND_LOOKUP_PART) {
    const part = ids.slice(i, i + KIND_LOOKUP_PART);
    found.push(...(await db.read<StoredEntityKind>(FIND_ENTITY_KINDS, { ids: part })));
  }
  return found;
}
