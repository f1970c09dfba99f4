import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { loadSynthetic } from '../../seed/src/synthetic-load.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { countGraph, snapshot } from '../helpers/graph.ts';

// Into an empty database the seeder creates records without looking each up first; into one
// that holds anything it compares every record with what is stored. Both must leave one graph.

const db = connectTestDatabase();

const empty = () => db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS');
/** One unrelated node, so that the database is not empty and the careful path is taken. */
const occupy = () => db.write("CREATE (:Marker {id: 'not-empty'})");
const vacate = () => db.write('MATCH (m:Marker) DELETE m');

beforeAll(async () => {
  await ensureSchema(db);
});

afterAll(async () => {
  await db.close();
});

describe('the bulk path into an empty database', () => {
  it('leaves the same graph as the careful path for the curated datasets', async () => {
    await empty();
    const bulk = await importDatasets(db, 'test', { paths: [] });
    expect(bulk.exitCode).toBe(0);
    // Each load stamps its own instant (loadedAt) on the datasets' nodes; the rest is the same.
    const bulkGraph = await snapshot(db, [], { instants: false });
    expect((await countGraph(db)).relationships).toBeGreaterThan(300);

    await empty();
    await occupy();
    const careful = await importDatasets(db, 'test', { paths: [] });
    await vacate();
    expect(careful.exitCode).toBe(0);
    expect(await snapshot(db, [], { instants: false })).toBe(bulkGraph);
    expect(careful.reports).toEqual(bulk.reports);
  }, 240_000);

  it('leaves the same graph as the careful path for a synthetic graph written in slices', async () => {
    await empty();
    const bulk = await loadSynthetic(db, { entities: 2000, seed: 7 });
    const bulkGraph = await snapshot(db);

    await empty();
    await occupy();
    const careful = await loadSynthetic(db, { entities: 2000, seed: 7, keep: true });
    await vacate();
    expect(careful.relationships).toBe(bulk.relationships);
    expect(await snapshot(db)).toBe(bulkGraph);
  }, 240_000);

  it('what the bulk path wrote is found unchanged by the careful path', async () => {
    await empty();
    await importDatasets(db, 'test', { paths: [] });
    const graph = await snapshot(db);
    const again = await importDatasets(db, 'test', { paths: [] });
    for (const report of again.reports) {
      expect(report.entities.created + report.entities.updated).toBe(0);
      expect(report.relationships.created + report.relationships.updated).toBe(0);
      expect(report.entities.unchanged).toBeGreaterThan(0);
    }
    expect(await snapshot(db)).toBe(graph);
  }, 240_000);
});
