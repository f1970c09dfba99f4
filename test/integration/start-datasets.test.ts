import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDefaults } from '../../scripts/start/seed-defaults.ts';
import { toContent } from '../../seed/src/import.ts';
import { DATASETS_DIR, readInputs } from '../../seed/src/inputs.ts';
import { datasetFingerprint } from '../../server/src/db/dataset-rows.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { writeDatasets } from '../../server/src/db/seed-repository.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot } from '../helpers/graph.ts';

const db = connectTestDatabase();
const files = (await readInputs([])).map(toContent);
const STORY = 'kaspersky-eu-2018';

beforeAll(() => ensureSchema(db));
beforeEach(() => db.write('MATCH (n) DETACH DELETE n'));
afterAll(() => db.close());

async function start(dir?: string): Promise<string[]> {
  const lines: string[] = [];
  await seedDefaults(db, 'test', (line) => lines.push(line), dir);
  return lines;
}

/** A copy of the curated datasets in which one relationship names an entity nobody defines. */
function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-datasets-'));
  cpSync(DATASETS_DIR, dir, { recursive: true });
  const file = join(dir, STORY, 'relationships.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('to: europol', 'to: atlantis'));
  return dir;
}

const fingerprints = () =>
  db.read<{ id: string; contentHash: string | null }>(
    'MATCH (d:Dataset) RETURN d.id AS id, d.contentHash AS contentHash ORDER BY id',
  );

/** What an older version of the files held: one relationship fewer, one entity named otherwise. */
function olderStory() {
  return files.map((content) => {
    if (content.dataset.id !== STORY) return content;
    const freeze = content.relationships.find(
      (r) => r.from === 'kaspersky-lab' && r.to === 'europol' && r.type === 'COOPERATES_WITH',
    );
    if (!freeze) throw new Error(`${STORY} has no freeze of Kaspersky's work with Europol`);
    return {
      ...content,
      entities: content.entities.map((e) =>
        e.id === 'europol' ? { ...e, name: 'European Police Office' } : e,
      ),
      relationships: content.relationships.filter((r) => r !== freeze),
    };
  });
}

describe('npm start and the curated datasets', () => {
  it('loads them into an empty database, fingerprinted as the files are', async () => {
    const lines = await start();
    expect(lines[0]).toMatch(/empty: loading the curated datasets/);
    expect(await fingerprints()).toEqual(
      files
        .map((content) => ({ id: content.dataset.id, contentHash: datasetFingerprint(content) }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('leaves a database that holds them as the files are alone, silently', async () => {
    await start();
    const before = await snapshot(db);
    expect(await start()).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('loads again a dataset whose files changed since it was loaded, and only what changed', async () => {
    const older = olderStory();
    await writeDatasets(db, older, { prune: older.map((content) => content.dataset.id) });
    const [stale] = await db.read<{ name: string }>(
      "MATCH (e:Entity {id: 'europol'}) RETURN e.name AS name",
    );
    expect(stale?.name).toBe('European Police Office');

    const lines = await start();
    expect(lines[0]).toBe(
      `Curated datasets changed since they were loaded: ${STORY}. Loading again ...`,
    );
    expect(lines).toContain(`  ${STORY}: 1 entity changed, 1 relationship added`);
    const [current] = await db.read<{ name: string; frozen: number }>(
      `MATCH (e:Entity {id: 'europol'})
       RETURN e.name AS name, COUNT { (:Entity {id: 'kaspersky-lab'})-[:COOPERATES_WITH]->(e) } AS frozen`,
    );
    expect(current).toEqual({ name: 'Europol', frozen: 1 });
    expect(await start()).toEqual([]);
  });

  it('loads again datasets loaded before fingerprints were kept, changing no record', async () => {
    await start();
    const before = await snapshot(db);
    await db.write('MATCH (d:Dataset) REMOVE d.contentHash');
    const lines = await start();
    expect(lines.slice(1).sort()).toEqual(
      files.map((content) => `  ${content.dataset.id}: no record changed`).sort(),
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves a database of other data alone: the curated datasets are not forced into it', async () => {
    const own = files[0];
    if (!own) throw new Error('no curated dataset');
    await writeDatasets(db, [
      {
        dataset: { id: 'own-data', title: 'Own data', requires: [] },
        sources: [],
        relationships: [],
        phases: [],
        entities: own.entities.slice(0, 1),
      },
    ]);
    expect(await start()).toEqual([]);
    const [row] = await db.read<{ entities: number; datasets: string[] }>(
      'MATCH (e:Entity) WITH count(e) AS entities MATCH (d:Dataset) RETURN entities, collect(d.id) AS datasets',
    );
    expect(row).toEqual({ entities: 1, datasets: ['own-data'] });
  });

  it('keeps the datasets as they were when the changed files have problems, naming file and line', async () => {
    await start();
    const before = await snapshot(db);
    const dir = brokenCopy();
    try {
      const lines = await start(dir);
      expect(lines[1]).toMatch(/Not loaded: the files have problems/);
      expect(lines.join('\n')).toMatch(/relationships\.yaml:\d+:\d+: .*atlantis/);
      expect(await snapshot(db)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops the start of an empty database when the files have problems', async () => {
    const dir = brokenCopy();
    try {
      await expect(start(dir)).rejects.toThrow(/relationships\.yaml:\d+:\d+: .*atlantis/);
      const [row] = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
      expect(row?.n).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
