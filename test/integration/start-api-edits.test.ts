import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDefaults } from '../../scripts/start/seed-defaults.ts';
import { exportChanges } from '../../seed/src/export-changes.ts';
import { importDatasets } from '../../seed/src/import.ts';
import { DATASETS_DIR } from '../../seed/src/inputs.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import {
  createCurationClient,
  DELETE_RELATIONSHIP,
  UPSERT_ENTITY,
  UPSERT_RELATIONSHIP,
} from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot } from '../helpers/graph.ts';
import { ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const { asEditor, cypher } = createCurationClient(db);
const STORY = 'kaspersky-eu-2018';
/** A relationship of the story without an explicit id: its id is derived from its content. */
const US_BAN = {
  from: 'us-government',
  type: 'RESTRICTS',
  to: 'kaspersky-lab',
  since: '2017-09-13',
};
let dir: string;

beforeAll(() => ensureSchema(db));
beforeEach(async () => {
  await db.write('MATCH (n) DETACH DELETE n');
  dir = mkdtempSync(join(tmpdir(), 'entente-datasets-'));
  cpSync(DATASETS_DIR, dir, { recursive: true });
});
afterAll(() => db.close());

async function start(): Promise<string[]> {
  const lines: string[] = [];
  await seedDefaults(db, 'test', (line) => lines.push(line), dir);
  return lines.flatMap((line) => line.split('\n'));
}

/** Changes the story's files as a `git pull` might: another entity's description. */
function pullChange(text: string): void {
  const file = join(dir, STORY, 'entities.yaml');
  const yaml = readFileSync(file, 'utf8');
  const changed = yaml.replace(
    /Co-founder and chief executive of Kaspersky Lab( \([a-z ]+\))?,/,
    `Co-founder and chief executive of Kaspersky Lab (${text}),`,
  );
  expect(changed).not.toBe(yaml);
  writeFileSync(file, changed);
}

const europol = async () =>
  (
    await cypher<{ aliases: string[] | null; description: string | null }>(
      'MATCH (e:Entity {id: "europol"}) RETURN e.aliases AS aliases, e.description AS description',
    )
  )[0];

const usBan = async () =>
  (
    await cypher<{ id: string; measure: string }>(
      'MATCH (:Entity {id: "us-government"})-[r:RESTRICTS]->(:Entity {id: "kaspersky-lab"}) RETURN r.id AS id, r.measure AS measure',
    )
  )[0];

/** Kaspersky's cooperation with Europol, which the story's files state with an explicit id. */
const FREEZE = 'kaspersky-lab-cooperates-with-europol';
const freezes = async () =>
  (
    await cypher<{ n: number }>('MATCH ()-[r:COOPERATES_WITH {id: $id}]->() RETURN count(r) AS n', {
      id: FREEZE,
    })
  )[0]?.n;

const eugene = async () =>
  (
    await cypher<{ description: string }>(
      'MATCH (e:Entity {id: "eugene-kaspersky"}) RETURN e.description AS description',
    )
  )[0]?.description;

/** A curator edits a seeded entity and a seeded relationship through the API. */
async function curate(): Promise<string> {
  const before = await europol();
  await ok(
    asEditor(UPSERT_ENTITY, {
      input: {
        id: 'europol',
        kind: 'AGENCY',
        name: 'Europol',
        aliases: ['EU police agency'],
        description: before?.description,
      },
    }),
  );
  const ban = await usBan();
  if (!ban) throw new Error('the story has no US ban of Kaspersky');
  await ok(
    asEditor(UPSERT_RELATIONSHIP, {
      input: {
        id: ban.id,
        ...US_BAN,
        measure: 'a measure a curator reworded',
        evidence: [{ source: 'govinfo-2017-09-19-bod-17-01' }],
      },
    }),
  );
  return ban.id;
}

describe('npm start and what curators changed through the API', { timeout: 120_000 }, () => {
  it('keeps an API edit of a curated record when the files change, names it, and keeps it after a restart and a further change', async () => {
    await start();
    const banId = await curate();

    pullChange('pulled once');
    const lines = await start();
    expect(lines[0]).toBe(
      `Curated datasets changed since they were loaded: ${STORY}. Loading again ...`,
    );
    expect(lines).toContain(`  ${STORY}: 1 entity changed`);
    expect(lines.join('\n')).toMatch(
      new RegExp(`${STORY}: kept 2 record\\(s\\) curators changed through the API`),
    );
    expect(lines.some((l) => /^ {4}entity europol \(edited; by editor at /.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith(`    relationship ${banId} (edited; by editor`))).toBe(
      true,
    );
    expect(lines).toContain(
      `    To write them into the dataset's files, as a change to review and commit: npm run export -- --dataset ${STORY} --changes`,
    );
    // The files' change is loaded, the curator's edits are not overwritten.
    expect(await eugene()).toMatch(/\(pulled once\)/);
    expect((await europol())?.aliases).toEqual(['EU police agency']);
    expect((await usBan())?.measure).toBe('a measure a curator reworded');

    // A restart on the same files loads nothing; the edits are still there.
    const before = await snapshot(db);
    expect(await start()).toEqual([]);
    expect(await snapshot(db)).toBe(before);

    // The next change of the files still finds them.
    pullChange('pulled twice');
    const again = await start();
    expect(again.join('\n')).toMatch(/kept 2 record\(s\)/);
    expect(await eugene()).toMatch(/\(pulled twice\)/);
    expect((await europol())?.aliases).toEqual(['EU police agency']);
    expect((await usBan())?.measure).toBe('a measure a curator reworded');
  });

  it("--changes writes exactly the edited records into the dataset's files; seeding them gives the edits, and the next start keeps nothing", async () => {
    await start();
    const banId = await curate();
    // A curator also deletes a seeded relationship: the start does not bring it back.
    await ok(asEditor(DELETE_RELATIONSHIP, { id: FREEZE }));
    pullChange('pulled once');
    expect((await start()).join('\n')).toContain(`relationship ${FREEZE} (deleted; by editor`);
    expect(await freezes()).toBe(0);
    const files = join(dir, STORY);
    const untouched = readFileSync(join(files, 'sources.yaml'), 'utf8');
    const entitiesBefore = readFileSync(join(files, 'entities.yaml'), 'utf8');

    // With --out, a changed copy; the dataset's own files stay as they are.
    const copy = join(dir, 'changed-copy');
    const copied = await exportChanges(db, 'test', { dataset: STORY, files, out: copy });
    expect(copied.exitCode).toBe(0);
    expect(readFileSync(join(copy, 'entities.yaml'), 'utf8')).toContain('EU police agency');
    expect(readFileSync(join(files, 'entities.yaml'), 'utf8')).toBe(entitiesBefore);

    const result = await exportChanges(db, 'test', { dataset: STORY, files });
    expect(result.error).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(result.records.map((r) => `${r.kind} ${r.id}`).sort()).toEqual([
      'entity europol',
      `relationship ${FREEZE}`,
      `relationship ${banId}`,
    ]);
    expect(readFileSync(join(files, 'relationships.yaml'), 'utf8')).not.toContain(`id: ${FREEZE}`);
    expect(result.files.map((f) => f.replace(`${files}/`, '')).sort()).toEqual([
      'entities.yaml',
      'relationships.yaml',
    ]);
    expect(readFileSync(join(files, 'sources.yaml'), 'utf8')).toBe(untouched);
    // Only the edited record's lines change: the other entities and their comments stay.
    const entitiesAfter = readFileSync(join(files, 'entities.yaml'), 'utf8');
    expect(entitiesAfter).toContain('EU police agency');
    expect(entitiesAfter).toContain(
      entitiesBefore.slice(0, entitiesBefore.indexOf('  - id: european-parliament')),
    );

    // The next start: the files now say what the database holds; nothing to keep.
    pullChange('pulled after the export');
    const lines = await start();
    expect(lines.join('\n')).not.toMatch(/kept/);
    expect((await europol())?.aliases).toEqual(['EU police agency']);

    // The files alone, seeded into an empty database, give the edited records.
    await db.write('MATCH (n) DETACH DELETE n');
    const seeded = await importDatasets(db, 'test', { paths: [files] });
    expect(seeded.problems).toEqual([]);
    expect(seeded.exitCode).toBe(0);
    expect((await europol())?.aliases).toEqual(['EU police agency']);
    expect(await usBan()).toEqual({ id: banId, measure: 'a measure a curator reworded' });
    expect(await freezes()).toBe(0);
  });

  it('--changes without API edits of the dataset / says so, exit 1, and writes nothing', async () => {
    await start();
    const files = join(dir, STORY);
    const before = readFileSync(join(files, 'entities.yaml'), 'utf8');
    const result = await exportChanges(db, 'test', { dataset: STORY, files });
    expect(result.exitCode).toBe(1);
    expect(result.error).toBe(
      `The database holds no API edits of ${STORY}'s records that its files state otherwise; nothing was written.`,
    );
    expect(readFileSync(join(files, 'entities.yaml'), 'utf8')).toBe(before);
  });

  it('--changes of an unknown dataset / names the datasets there are, exit 1', async () => {
    await start();
    const result = await exportChanges(db, 'test', { dataset: 'no-such-dataset' });
    expect(result.exitCode).toBe(1);
    expect(result.error).toMatch(
      /^No dataset "no-such-dataset" in the database; it holds: cyber-cooperation, cyber-restrictions, kaspersky-eu-2018\.$/,
    );
  });
});
