import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { awaitSearchIndex, ensureSchema } from '../../server/src/db/schema.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { createCurationClient, MERGE, UPSERT_ENTITY } from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot } from '../helpers/graph.ts';
import { ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const { query, asEditor } = createCurationClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

const keysOf = async (id: string) =>
  (
    await db.read<{ key: string | null; keys: string[] | null }>(
      'MATCH (e:Entity {id: $id}) RETURN e.nameKey AS key, e.nameKeys AS keys',
      { id },
    )
  )[0];

const CANDIDATES = `query($id: ID!) { duplicateCandidates(id: $id) { entity { id } certain } }`;
const candidateIds = async (id: string) =>
  (await ok(query(CANDIDATES, { id }))).duplicateCandidates.map(
    (c: { entity: { id: string } }) => c.entity.id,
  );

describe('the name keys stored on entities', () => {
  it('are written by the seeder for every entity, and seeding again changes nothing', async () => {
    const [row] = await db.read<{ missing: number; all: number }>(
      'MATCH (e:Entity) RETURN count(*) AS all, count(CASE WHEN e.nameKeys IS NULL THEN 1 END) AS missing',
    );
    expect(row?.all).toBeGreaterThan(300);
    expect(row?.missing).toBe(0);
    expect(await keysOf('kaspersky-lab')).toEqual({
      key: 'kaspersky lab',
      keys: ['kaspersky lab', 'kaspersky'],
    });
    const before = await snapshot(db);
    const again = await importDatasets(db, 'test', { paths: [] });
    expect(
      again.reports.every((report) => report.entities.created + report.entities.updated === 0),
    ).toBe(true);
    expect(await snapshot(db)).toBe(before);
  });

  it('are given to a database written without them when the index is first made, versions untouched', async () => {
    const before = await snapshot(db);
    await db.write('MATCH (e:Entity) REMOVE e.nameKey, e.nameKeys');
    await db.write('DROP INDEX entity_name_key');
    expect((await keysOf('kaspersky-lab'))?.keys).toBeNull();
    await ensureSchema(db);
    expect(await snapshot(db)).toBe(before);
  });

  it('follow a curator rename and a merge', async () => {
    await ok(
      asEditor(UPSERT_ENTITY, {
        input: {
          id: 'kaspersky-lab-ao',
          kind: 'COMPANY',
          name: 'Kaspersky Lab, AO',
          country: 'RU',
        },
      }),
    );
    await awaitSearchIndex(db);
    expect(await candidateIds('kaspersky-lab')).toContain('kaspersky-lab-ao');
    await ok(
      asEditor(UPSERT_ENTITY, {
        input: {
          id: 'kaspersky-lab-ao',
          kind: 'COMPANY',
          name: 'Kaspersky Laboratory',
          country: 'RU',
        },
      }),
    );
    await awaitSearchIndex(db);
    expect(await keysOf('kaspersky-lab-ao')).toEqual({
      key: 'kaspersky laboratory',
      keys: ['kaspersky laboratory'],
    });
    expect(await candidateIds('kaspersky-lab')).not.toContain('kaspersky-lab-ao');

    await ok(asEditor(MERGE, { keep: 'kaspersky-lab', drop: 'kaspersky-lab-ao' }));
    expect((await keysOf('kaspersky-lab'))?.keys).toEqual([
      'kaspersky lab',
      'kaspersky',
      'kaspersky laboratory',
    ]);
  });
});
