import type { Database } from '../../server/src/db/database.ts';

/** Loads the default curated datasets into an empty database. */
export async function seedDefaultsIfEmpty(
  db: Database,
  log: (line: string) => void,
): Promise<void> {
  const [row] = await db.read<{ count: number }>('MATCH (n) RETURN count(n) AS count');
  if ((row?.count ?? 0) > 0) return;
  log('The database is empty; no default datasets are loaded yet.');
}
