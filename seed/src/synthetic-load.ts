import type { Database } from '../../server/src/db/database.ts';
import { writeDatasets } from '../../server/src/db/seed-repository.ts';
import type { DatasetContent } from '../../server/src/validation/records.ts';
import { generateSynthetic } from './synthetic.ts';

export interface SyntheticLoadResult {
  entities: number;
  relationships: number;
  entitySeconds: number;
  relationshipSeconds: number;
  entitiesPerSecond: number;
  relationshipsPerSecond: number;
}

/** Rows per committed transaction, and per UNWIND statement. */
export const SLICE = 50_000;
export const BATCH = 10_000;

/** Empties the database (unless keep), then writes a synthetic graph in committed slices, timing each part. */
export async function loadSynthetic(
  db: Database,
  options: { entities: number; seed: number; keep?: boolean },
): Promise<SyntheticLoadResult> {
  const content = generateSynthetic({ entities: options.entities, seed: options.seed });
  if (!options.keep) {
    await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  }
  const part = (slice: Partial<DatasetContent>): DatasetContent => ({
    dataset: content.dataset,
    sources: [],
    entities: [],
    relationships: [],
    phases: [],
    ...slice,
  });
  await writeDatasets(db, [part({ sources: content.sources })]);

  let start = performance.now();
  for (let i = 0; i < content.entities.length; i += SLICE) {
    await writeDatasets(db, [part({ entities: content.entities.slice(i, i + SLICE) })], {
      batchSize: BATCH,
    });
  }
  const entitySeconds = (performance.now() - start) / 1000;

  start = performance.now();
  for (let i = 0; i < content.relationships.length; i += SLICE) {
    await writeDatasets(db, [part({ relationships: content.relationships.slice(i, i + SLICE) })], {
      batchSize: BATCH,
    });
  }
  const relationshipSeconds = (performance.now() - start) / 1000;
  return {
    entities: content.entities.length,
    relationships: content.relationships.length,
    entitySeconds,
    relationshipSeconds,
    entitiesPerSecond: content.entities.length / entitySeconds,
    relationshipsPerSecond: content.relationships.length / relationshipSeconds,
  };
}
