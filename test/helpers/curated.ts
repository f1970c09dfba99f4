import { importDatasets } from '../../seed/src/import.ts';
import type { Database } from '../../server/src/db/database.ts';
import { awaitSearchIndex, ensureSchema } from '../../server/src/db/schema.ts';

/** Empties the test database and loads the curated datasets, search index included. */
export async function loadCuratedDatasets(db: Database): Promise<void> {
  await ensureSchema(db);
  const result = await importDatasets(db, 'test', { paths: [], reset: true });
  if (result.exitCode !== 0)
    throw new Error(`seeding failed: ${result.error ?? result.problems[0]?.message}`);
  await awaitSearchIndex(db);
}
