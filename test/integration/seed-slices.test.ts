import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { generateSynthetic } from '../../seed/src/synthetic.ts';
import { writeFtmLines } from '../../seed/src/synthetic-ftm.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { countGraph, snapshot } from '../helpers/graph.ts';

// A large first load into an empty database commits in slices; a slice that fails leaves the
// database empty again, as it was found.

const db = connectTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'ftm-slices-'));
const content = generateSynthetic({ entities: 2_000, seed: 5, datasetId: 'sliced' });
const file = join(dir, 'sliced.ftm.jsonl');
const SLICE = 1_000;

const empty = () => db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS');
const storedEntities = async () =>
  (await db.read<{ n: number }>('MATCH (e:Entity) RETURN count(e) AS n'))[0]?.n ?? 0;

beforeAll(async () => {
  await ensureSchema(db);
  await writeFtmLines(content, file);
});
afterAll(async () => {
  await empty();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

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
          seenMidway.push(await storedEntities());
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
