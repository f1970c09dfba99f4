import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { createCurationClient, SOURCE } from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot } from '../helpers/graph.ts';

// Optimistic concurrency: a curator sends back the version it read; a write of a record that
// changed since is refused with CONFLICT and writes nothing.

const db = connectTestDatabase();
const { query, asEditor, refused } = createCurationClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(async () => {
  await db.write("MATCH (e:Entity) WHERE e.id STARTS WITH 'occ-' DETACH DELETE e");
  await db.write("MATCH (s:Source) WHERE s.id STARTS WITH 'occ-' DELETE s");
  await db.close();
});

const UPSERT_ENTITY = `mutation($input: UpsertEntityInput!, $expectedVersion: String) {
  upsertEntity(input: $input, expectedVersion: $expectedVersion) { id name aliases version }
}`;
const DELETE_ENTITY = `mutation($id: ID!, $expectedVersion: String) {
  deleteEntity(id: $id, expectedVersion: $expectedVersion)
}`;
const UPSERT_RELATIONSHIP = `mutation($input: UpsertRelationshipInput!, $expectedVersion: String) {
  upsertRelationship(input: $input, expectedVersion: $expectedVersion) { id role version }
}`;
const DELETE_RELATIONSHIP = `mutation($id: ID!, $expectedVersion: String) {
  deleteRelationship(id: $id, expectedVersion: $expectedVersion)
}`;
const UPSERT_SOURCE = `mutation($input: UpsertSourceInput!, $expectedVersion: String) {
  upsertSource(input: $input, expectedVersion: $expectedVersion) { id title version }
}`;
const MERGE = `mutation($keep: ID!, $drop: ID!, $keepVersion: String, $dropVersion: String) {
  mergeEntities(keep: $keep, drop: $drop, keepVersion: $keepVersion, dropVersion: $dropVersion) {
    id aliases version
  }
}`;
const ENTITY = 'query($id: ID!) { entity(id: $id) { name aliases version } }';

type Entity = { name: string; aliases: string[]; version: string };

const entity = (id: string, name: string, aliases: string[] = []) => ({
  input: { id, kind: 'COMPANY', name, aliases },
});

async function created(id: string): Promise<string> {
  const result = await asEditor(UPSERT_ENTITY, entity(id, 'Before'));
  expect(result.errors).toBeUndefined();
  const { version } = (result.data as { upsertEntity: Entity }).upsertEntity;
  expect(version).toMatch(/^\w+$/);
  return version;
}

describe('an entity', () => {
  it('shows the version an update sends back; the update gives it a new one', async () => {
    const version = await created('occ-one');
    const read = await query(ENTITY, { id: 'occ-one' });
    expect((read.data as { entity: Entity }).entity.version).toBe(version);
    const updated = await asEditor(UPSERT_ENTITY, {
      ...entity('occ-one', 'After'),
      expectedVersion: version,
    });
    expect(updated.errors).toBeUndefined();
    const after = (updated.data as { upsertEntity: Entity }).upsertEntity;
    expect(after.name).toBe('After');
    expect(after.version).not.toBe(version);
  });

  it('with a stale version / update and delete are refused with CONFLICT, nothing written', async () => {
    const stale = await created('occ-two');
    await asEditor(UPSERT_ENTITY, entity('occ-two', 'Changed by another curator'));
    const update = await refused(() =>
      asEditor(UPSERT_ENTITY, { ...entity('occ-two', 'Mine'), expectedVersion: stale }),
    );
    expect(update.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(update.message).toMatch(/has changed since version \w+ was read/);
    const removal = await refused(() =>
      asEditor(DELETE_ENTITY, { id: 'occ-two', expectedVersion: stale }),
    );
    expect(removal.extensions.code).toBe('CONFLICT');
  });

  it('once deleted / an update sending its version is told it was deleted', async () => {
    const version = await created('occ-three');
    const deleted = await asEditor(DELETE_ENTITY, { id: 'occ-three', expectedVersion: version });
    expect(deleted.data).toEqual({ deleteEntity: true });
    const update = await refused(() =>
      asEditor(UPSERT_ENTITY, { ...entity('occ-three', 'Back'), expectedVersion: version }),
    );
    expect(update.extensions.code).toBe('CONFLICT');
    expect(update.message).toMatch(/was deleted since/);
  });

  it('created with an empty expected version / written only when no record has the id', async () => {
    const made = await asEditor(UPSERT_ENTITY, {
      ...entity('occ-new', 'New'),
      expectedVersion: '',
    });
    expect(made.errors).toBeUndefined();
    const again = await refused(() =>
      asEditor(UPSERT_ENTITY, { ...entity('occ-new', 'Another'), expectedVersion: '' }),
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(again.message).toMatch(/"occ-new" already exists/);
    const source = await refused(() =>
      asEditor(UPSERT_SOURCE, { input: { id: SOURCE, title: 'Mine' }, expectedVersion: '' }),
    );
    expect(source.message).toMatch(/already exists/);
  });

  it('two curators updating it at once from the same version / one wins, the other is told', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = `occ-race-${round}`;
      const version = await created(id);
      const [a, b] = await Promise.all([
        asEditor(UPSERT_ENTITY, {
          ...entity(id, 'Curator A', ['A one', 'A two']),
          expectedVersion: version,
        }),
        asEditor(UPSERT_ENTITY, {
          ...entity(id, 'Curator B', ['B one']),
          expectedVersion: version,
        }),
      ]);
      const outcomes = [a, b].map((result) => result.errors?.[0]?.extensions?.code ?? 'ok');
      expect(outcomes.sort()).toEqual(['CONFLICT', 'ok']);
      const winner = (a.errors ? b : a).data as { upsertEntity: Entity };
      const stored = (await query(ENTITY, { id })).data as { entity: Entity };
      // All of the winner's write, none of the loser's.
      expect({ id, ...stored.entity }).toEqual(winner.upsertEntity);
    }
  });
});

describe('a merge', () => {
  it('from a stale version of either entity / CONFLICT naming which, nothing written', async () => {
    const keep = await created('occ-keep');
    const staleDrop = await created('occ-drop');
    await asEditor(UPSERT_ENTITY, entity('occ-drop', 'Renamed meanwhile'));
    const refusedMerge = await refused(() =>
      asEditor(MERGE, {
        keep: 'occ-keep',
        drop: 'occ-drop',
        keepVersion: keep,
        dropVersion: staleDrop,
      }),
    );
    expect(refusedMerge.extensions).toMatchObject({ code: 'CONFLICT', field: 'dropVersion' });
    const drop = ((await query(ENTITY, { id: 'occ-drop' })).data as { entity: Entity }).entity
      .version;
    const merged = await asEditor(MERGE, {
      keep: 'occ-keep',
      drop: 'occ-drop',
      keepVersion: keep,
      dropVersion: drop,
    });
    expect(merged.errors).toBeUndefined();
    expect((merged.data as { mergeEntities: Entity }).mergeEntities.aliases).toContain(
      'Renamed meanwhile',
    );
  });
});

describe('a relationship', () => {
  it('updated and deleted from a stale version / CONFLICT, nothing written; from the current one / written', async () => {
    await created('occ-rel-end');
    const input = {
      id: 'occ-rel',
      from: 'occ-rel-end',
      type: 'LINKED_TO',
      to: 'kaspersky-lab',
      role: 'first',
    };
    const first = await asEditor(UPSERT_RELATIONSHIP, { input });
    expect(first.errors).toBeUndefined();
    const stale = (first.data as { upsertRelationship: { version: string } }).upsertRelationship
      .version;
    const second = await asEditor(UPSERT_RELATIONSHIP, {
      input: { ...input, role: 'second' },
      expectedVersion: stale,
    });
    expect(second.errors).toBeUndefined();
    const current = (second.data as { upsertRelationship: { version: string } }).upsertRelationship
      .version;
    const update = await refused(() =>
      asEditor(UPSERT_RELATIONSHIP, { input: { ...input, role: 'third' }, expectedVersion: stale }),
    );
    expect(update.extensions.code).toBe('CONFLICT');
    const removal = await refused(() =>
      asEditor(DELETE_RELATIONSHIP, { id: 'occ-rel', expectedVersion: stale }),
    );
    expect(removal.extensions.code).toBe('CONFLICT');
    const deleted = await asEditor(DELETE_RELATIONSHIP, {
      id: 'occ-rel',
      expectedVersion: current,
    });
    expect(deleted.data).toEqual({ deleteRelationship: true });
  });
});

describe('a source', () => {
  it('updated from a stale version / CONFLICT, and the source stays as it was', async () => {
    const before = await snapshot(db);
    const input = { id: 'occ-source', title: 'First title' };
    const first = await asEditor(UPSERT_SOURCE, { input });
    const stale = (first.data as { upsertSource: { version: string } }).upsertSource.version;
    await asEditor(UPSERT_SOURCE, { input: { ...input, title: 'Second title' } });
    const update = await refused(() =>
      asEditor(UPSERT_SOURCE, { input: { ...input, title: 'Mine' }, expectedVersion: stale }),
    );
    expect(update.extensions.code).toBe('CONFLICT');
    // A curated dataset's source is refused the same way.
    const curated = await refused(() =>
      asEditor(UPSERT_SOURCE, { input: { id: SOURCE, title: 'Mine' }, expectedVersion: 'stale' }),
    );
    expect(curated.extensions.code).toBe('CONFLICT');
    expect(before).not.toBe(await snapshot(db));
  });
});
