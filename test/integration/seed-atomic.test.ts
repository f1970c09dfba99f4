import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot, writeDatasetDir } from '../helpers/graph.ts';

/** A dataset of n companies in a chain of COOPERATES_WITH, named with a version tag. */
function chainDataset(n: number, tag: string): string {
  const entities = Array.from(
    { length: n },
    (_, i) => `  - { id: firm-${i}, kind: Company, name: "Firm ${i} ${tag}" }`,
  );
  const relationships = Array.from(
    { length: n - 1 },
    (_, i) =>
      `  - { from: firm-${i}, type: COOPERATES_WITH, to: firm-${i + 1}, since: 2020, evidence: [{ source: src }] }`,
  );
  return [
    'dataset: { id: chain, title: Chain }',
    'sources:',
    '  - { id: src, title: Source, url: "https://example.org/chain" }',
    'entities:',
    ...entities,
    'relationships:',
    ...relationships,
    '',
  ].join('\n');
}

const db = connectTestDatabase();
let before: string;

beforeAll(async () => {
  await ensureSchema(db);
  await db.write('MATCH (n) DETACH DELETE n');
  const first = await importDatasets(db, 'test', {
    paths: [writeDatasetDir({ 'chain.yaml': chainDataset(40, 'v1') })],
  });
  expect(first.exitCode).toBe(0);
  before = await snapshot(db);
});
afterAll(async () => {
  await db.write('DROP CONSTRAINT entity_name_unique_probe IF EXISTS');
  await db.close();
});

describe('a seed run is all or nothing', () => {
  it('when the transaction is killed halfway through the relationships / the graph is as before', async () => {
    const next = writeDatasetDir({ 'chain.yaml': chainDataset(80, 'v2') });
    let killed = false;
    const result = await importDatasets(db, 'test', {
      paths: [next],
      batchSize: 10,
      onProgress: async ({ phase, done, total }) => {
        if (killed || phase !== 'relationships' || done < total / 2) return;
        killed = true;
        const seeding = await db.read<{ id: string }>(
          "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.task = 'seed' RETURN transactionId AS id",
        );
        expect(seeding).toHaveLength(1);
        await db.write('TERMINATE TRANSACTIONS $ids', { ids: seeding.map((row) => row.id) });
      },
    });
    expect(killed).toBe(true);
    expect(result.exitCode).toBe(3);
    expect(result.error).toMatch(/rolled back/);
    expect(await snapshot(db)).toBe(before);
  });

  it('when a constraint fails midway through the entities / the graph is as before', async () => {
    await db.write(
      'CREATE CONSTRAINT entity_name_unique_probe IF NOT EXISTS FOR (e:Company) REQUIRE e.name IS UNIQUE',
    );
    const clash = chainDataset(60, 'v3').replace('name: "Firm 55 v3"', 'name: "Firm 0 v3"');
    const result = await importDatasets(db, 'test', {
      paths: [writeDatasetDir({ 'chain.yaml': clash })],
      batchSize: 10,
    });
    expect(result.exitCode).toBe(3);
    expect(result.error).toMatch(/already exists with label `Company` and property `name`/);
    expect(await snapshot(db)).toBe(before);
  });

  it('when nothing goes wrong / the new version lands whole', async () => {
    await db.write('DROP CONSTRAINT entity_name_unique_probe IF EXISTS');
    const result = await importDatasets(db, 'test', {
      paths: [writeDatasetDir({ 'chain.yaml': chainDataset(80, 'v2') })],
      batchSize: 10,
    });
    expect(result.exitCode).toBe(0);
    expect(result.reports[0]).toMatchObject({
      entities: { created: 40, updated: 40, unchanged: 0 },
      relationships: { created: 40, updated: 0, unchanged: 39 },
    });
  });
});
