import type { Database } from '../../server/src/db/database.ts';
import { emptyDatabase, writeInSlices } from '../../server/src/db/seed-slices.ts';
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

export { BATCH, SLICE } from '../../server/src/db/seed-slices.ts';

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
  if (!options.keep) await emptyDatabase(db);
  const write = (records: Partial<DatasetContent>) =>
    writeInSlices(db, [{ ...content, sources: [], entities: [], relationships: [], ...records }], {
      // Into the emptied database the slices are disjoint: nothing to look up first.
      fresh: !options.keep,
      onProgress: (written) => {
        if (written.phase === 'entities' || written.phase === 'relationships') {
          onProgress?.({ ...written, phase: `writing ${written.phase}` });
        }
      },
    });
  await write({ sources: content.sources, phases: [] });

  let start = performance.now();
  await write({ entities: content.entities, phases: [] });
  const entitySeconds = (performance.now() - start) / 1000;

  start = performance.now();
  await write({ relationships: content.relationships });
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
