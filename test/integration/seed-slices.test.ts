import { describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { emptyGraph, storedEntities, syntheticFtmFile } from '../helpers/ftm-file.ts';
import { countGraph, snapshot } from '../helpers/graph.ts';

// A large first load into an empty database commits in slices; a slice that fails leaves the
// database empty again, as it was found.

const db = connectTestDatabase();
const { content, file } = syntheticFtmFile(db, {
  entities: 2_000,
  seed: 5,
  datasetId: 'sliced',
});
const SLICE = 1_000;

const empty = () => emptyGraph(db);

describe('a large FtM load into an empty database', () => {
  it('commits in slices and leaves the graph that one transaction leaves', async () => {
    await empty();
    // Read from outside the write while it runs: committed slices are visible before the end.
    const seenMidway: number[] = [];
    const sliced = await importDatasets(db, 'test', {
      paths: [file],
      slice: SLICE,
      onProgress: async (progress) => {
        if (progress.phase === 'relationships' && seenMidway.length === 0) {
          seenMidway.push(await storedEntities(db));
        }
      },
    });
    expect(sliced.error).toBeUndefined();
    expect(sliced.exitCode).toBe(0);
    expect(seenMidway).toEqual([content.entities.length]);
    const slicedGraph = await snapshot(db);
    expect((await countGraph(db)).relationships).toBe(content.relationships.length);

    // The same file into a database that holds something: one transaction.
    await empty();
    await db.write("CREATE (:Marker {id: 'not-empty'})");
    const whole = await importDatasets(db, 'test', { paths: [file], slice: SLICE });
    await db.write('MATCH (m:Marker) DELETE m');
    expect(whole.exitCode).toBe(0);
    expect(await snapshot(db)).toBe(slicedGraph);
    expect(sliced.reports).toEqual(whole.reports);
  }, 240_000);

  it('when a slice fails / removes the slices already committed and says so', async () => {
    await empty();
    const last = content.entities.at(-1)?.id ?? '';
    let blocked = false;
    const result = await importDatasets(db, 'test', {
      paths: [file],
      slice: SLICE,
      onProgress: async (progress) => {
        // Another writer takes the last entity's id while the first slices commit.
        if (progress.phase === 'entities' && !blocked) {
          blocked = true;
          await db.write("CREATE (:Entity {id: $id, kind: 'Company', name: 'Taken'})", {
            id: last,
          });
        }
      },
    });
    expect(blocked).toBe(true);
    expect(result.exitCode).toBe(3);
    expect(result.error).toMatch(/rolled back; the database is as it was before/);
    expect(await countGraph(db)).toEqual({ nodes: 0, relationships: 0 });
  }, 240_000);
});
