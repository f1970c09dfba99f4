import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { generateSynthetic } from '../../seed/src/synthetic.ts';
import { writeFtmLines } from '../../seed/src/synthetic-ftm.ts';
import type { Database } from '../../server/src/db/database.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';

/** Deletes everything, in transactions of its own, as importDatasets' undo does. */
export const emptyGraph = (db: Database) =>
  db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS');

export const storedEntities = async (db: Database) =>
  (await db.read<{ n: number }>('MATCH (e:Entity) RETURN count(e) AS n'))[0]?.n ?? 0;

/**
 * A synthetic graph written as FtM lines before the file's tests, in a directory of its own;
 * after them the database is emptied, closed, and the directory removed.
 */
export function syntheticFtmFile(
  db: Database & { close(): Promise<void> },
  options: { entities: number; seed: number; datasetId: string },
) {
  const dir = mkdtempSync(join(tmpdir(), `ftm-${options.datasetId}-`));
  const content = generateSynthetic(options);
  const file = join(dir, `${options.datasetId}.ftm.jsonl`);
  beforeAll(async () => {
    await ensureSchema(db);
    await writeFtmLines(content, file);
  });
  afterAll(async () => {
    await emptyGraph(db);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, content, file };
}
