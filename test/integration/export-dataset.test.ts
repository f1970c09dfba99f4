import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FILE, exportGraph } from '../../seed/src/export.ts';
import { importDatasets, toContent } from '../../seed/src/import.ts';
import { readInputs } from '../../seed/src/inputs.ts';
import { datasetFingerprint } from '../../server/src/db/dataset-rows.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import {
  createCurationClient,
  SOURCE,
  UPSERT_ENTITY,
  UPSERT_RELATIONSHIP,
  UPSERT_SOURCE,
} from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { emptyGraph } from '../helpers/ftm-file.ts';
import { snapshot } from '../helpers/graph.ts';
import { ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const { asEditor, cypher } = createCurationClient(db);
const dir = mkdtempSync(join(tmpdir(), 'entente-export-dataset-'));
const root = join(import.meta.dirname, '..', '..');

beforeEach(() => loadCuratedDatasets(db));
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What curators create through the API: an entity, a source it publishes, a relationship. */
async function create(): Promise<void> {
  await ok(
    asEditor(UPSERT_ENTITY, {
      input: {
        id: 'curated-vendor',
        kind: 'COMPANY',
        name: 'Curated Vendor',
        evidence: [{ source: SOURCE, quote: 'a quote only a curator gave' }],
      },
    }),
  );
  await ok(
    asEditor(UPSERT_SOURCE, {
      input: { id: 'curated-note', title: 'A curator note', publisher: 'curated-vendor' },
    }),
  );
  await ok(
    asEditor(UPSERT_RELATIONSHIP, {
      input: {
        from: 'curated-vendor',
        type: 'COOPERATES_WITH',
        to: 'europol',
        since: '2020-02',
        evidence: [{ source: 'curated-note' }],
      },
    }),
  );
}

async function exported(name: string, dataset: string) {
  const out = join(dir, name);
  const result = await exportGraph(db, 'test', { out, dataset });
  expect(result.error).toBeUndefined();
  expect(result.exitCode).toBe(0);
  return { out, result, text: readFileSync(join(out, `01-${dataset}`, EXPORT_FILE), 'utf8') };
}

describe('npm run export -- --dataset ID', { timeout: 120_000 }, () => {
  it('of curation, seeded into an empty database, gives the same graph: what curators created, with the curated datasets it requires', async () => {
    // The story alone, and what curators created on it.
    await emptyGraph(db);
    const story = await importDatasets(db, 'test', {
      paths: [join(root, 'seed', 'datasets', 'kaspersky-eu-2018')],
    });
    expect(story.exitCode).toBe(0);
    await create();
    const before = await snapshot(db, ['Dataset', 'Revision']);
    const { out, result, text } = await exported('curation', 'curation');
    expect(result.datasets).toEqual([
      {
        dataset: 'curation',
        folder: '01-curation',
        entities: 1,
        sources: 1,
        relationships: 1,
        phases: 0,
        stories: 0,
      },
    ]);
    // It refers to europol and a source of the story: it requires the story's dataset.
    expect(text).toMatch(/requires:\n\s+- kaspersky-eu-2018\n/);

    await emptyGraph(db);
    const seeded = await importDatasets(db, 'test', { paths: [out] });
    expect(seeded.problems).toEqual([]);
    expect(seeded.exitCode).toBe(0);
    expect(await snapshot(db, ['Dataset', 'Revision'])).toBe(before);
    const [stored] = await cypher<{ contentHash: string }>(
      'MATCH (d:Dataset {id: "curation"}) RETURN d.contentHash AS contentHash',
    );
    const [content] = (await readInputs([join(out, '01-curation')]))
      .filter((read) => read.dataset.record.id === 'curation')
      .map(toContent);
    expect(content && stored?.contentHash).toBe(content && datasetFingerprint(content));
  });

  it('of curation leaves out the seeded entities curators edited: they stay with their dataset', async () => {
    await create();
    await ok(
      asEditor(UPSERT_ENTITY, {
        input: { id: 'europol', kind: 'AGENCY', name: 'Europol', aliases: ['EU police agency'] },
      }),
    );
    const { result, text } = await exported('curation-edited', 'curation');
    expect(result.datasets[0]?.entities).toBe(1);
    expect(text).not.toMatch(/id: europol/);
    const story = await exported('story-edited', 'kaspersky-eu-2018');
    expect(story.text).toMatch(/- EU police agency/);
  });

  it('of a curated dataset nobody edited gives the records its files hold: the same fingerprint', async () => {
    const { out } = await exported('restrictions', 'cyber-restrictions');
    const read = await readInputs([out]);
    expect(read.map((d) => d.dataset.record.id).sort()).toEqual([
      'cyber-cooperation',
      'cyber-restrictions',
      'kaspersky-eu-2018',
    ]);
    const files = (await readInputs([join(root, 'seed', 'datasets', 'cyber-restrictions')])).map(
      toContent,
    );
    const fingerprint = (contents: ReturnType<typeof toContent>[]) =>
      contents.map((content) => datasetFingerprint(content)).at(-1);
    expect(fingerprint(read.map(toContent))).toBe(fingerprint(files));
  });

  it('of a dataset the database does not hold / names those it holds, exit 1, and writes nothing', async () => {
    const out = join(dir, 'unknown');
    const result = await exportGraph(db, 'test', { out, dataset: 'no-such-dataset' });
    expect(result.exitCode).toBe(1);
    expect(result.error).toBe(
      'No dataset "no-such-dataset" in the database; it holds: cyber-cooperation, cyber-restrictions, kaspersky-eu-2018. Nothing was written.',
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('npm run export, arguments', { timeout: 120_000 }, () => {
  const run = (args: string[]) => {
    const result = spawnSync('node', [join(root, 'scripts', 'bootstrap.mjs'), 'export', ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 100_000,
    });
    return { status: result.status, err: result.stderr };
  };

  it.each([
    [['--changes'], '--changes needs --dataset ID: the dataset whose files to write.'],
    [['--dataset', 'curation'], '--out DIR is required: the folder to write the export to.'],
    [['--files', 'x', '--out', 'y'], '--files PATH goes with --changes.'],
    [
      ['--dataset', 'curation', '--changes', '--files', 'x', '--out', 'y'],
      '--files PATH and --out DIR: choose one (in place, or a copy in DIR).',
    ],
  ])('%j / says what is missing, exit 1', (args, message) => {
    const { status, err } = run(args);
    expect(status).toBe(1);
    expect(err).toContain(message);
  });
});
