import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/src/project-root.ts';
import { datasetCounts } from './dataset-counts.ts';
import { readYamlDataset } from './formats/yaml.ts';
import { DATASETS_DIR, DEFAULT_DATASETS } from './inputs.ts';

/** The table of curated datasets in docs/DATASET-FORMAT.md: id -> the counts it states. */
function documentedCounts(): Map<string, number[]> {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'DATASET-FORMAT.md'), 'utf8');
  const rows = doc.matchAll(
    /^\| `([a-z0-9-]+)` +\|.*\| +(\d+) +\| +(\d+) +\| +(\d+) +\| +(\d+) +\|$/gm,
  );
  return new Map([...rows].map(([, id, ...counts]) => [id as string, counts.map(Number)]));
}

const read = (id: string) => readYamlDataset(join(DATASETS_DIR, id));

describe('the curated datasets, counted from their files', () => {
  it('when the files change / docs/DATASET-FORMAT.md states each default dataset’s counts as they are', () => {
    const documented = documentedCounts();
    expect([...documented.keys()].sort()).toEqual([...DEFAULT_DATASETS].sort());
    for (const id of DEFAULT_DATASETS) {
      const counts = datasetCounts(read(id));
      expect(documented.get(id), id).toEqual([
        counts.entities,
        counts.relationships,
        counts.dated,
        counts.withHistory,
      ]);
    }
  });

  it('cyber-restrictions: at least 95 % of its relationships dated and 40 with a status history', () => {
    const counts = datasetCounts(read('cyber-restrictions'));
    expect(counts.dated / counts.relationships).toBeGreaterThanOrEqual(0.95);
    expect(counts.withHistory).toBeGreaterThanOrEqual(40);
    expect(counts.addedPhases).toBeGreaterThan(0);
  });

  it('cyber-restrictions defines none of the entities of the datasets it requires', () => {
    const restrictions = read('cyber-restrictions');
    const required = restrictions.dataset.record.requires.flatMap((id) =>
      read(id).entities.map(({ record }) => record.id),
    );
    const own = new Set(restrictions.entities.map(({ record }) => record.id));
    expect(required.filter((id) => own.has(id))).toEqual([]);
  });
});
