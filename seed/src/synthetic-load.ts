import type { Database } from '../../server/src/db/database.ts';
import { writeDatasets } from '../../server/src/db/seed-repository.ts';
import type { DatasetContent } from '../../server/src/validation/records.ts';
import { generateSynthetic, type SyntheticProgress } from './synthetic.ts';

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
  options: {
    entities: number;
    seed: number;
    keep?: boolean;
    onProgress?: (progress: SyntheticProgress) => void;
  },
): Promise<SyntheticLoadResult> {
  const { onProgress } = options;
  const content = generateSynthetic({
    entities: options.entities,
    seed: options.seed,
    onProgress,
  });
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
  // Each slice commits on its own; progress counts the rows of every batch written so far.
  const writeSlices = async <K extends 'entities' | 'relationships'>(
    key: K,
    rows: DatasetContent[K],
  ) => {
    const phase = key === 'entities' ? 'writing entities' : 'writing relationships';
    onProgress?.({ phase, done: 0, total: rows.length });
    for (let i = 0; i < rows.length; i += SLICE) {
      await writeDatasets(db, [part({ [key]: rows.slice(i, i + SLICE) })], {
        batchSize: BATCH,
        // Into the emptied database the slices are disjoint: nothing to look up first.
        fresh: !options.keep,
        onProgress: (written) => {
          if (written.phase === key) {
            onProgress?.({ phase, done: i + written.done, total: rows.length });
          }
        },
      });
    }
  };

  let start = performance.now();
  await writeSlices('entities', content.entities);
  const entitySeconds = (performance.now() - start) / 1000;

  start = performance.now();
  await writeSlices('relationships', content.relationships);
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
