import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FILE, exportGraph } from '../../seed/src/export.ts';
import { importDatasets, toContent } from '../../seed/src/import.ts';
import { readInputs } from '../../seed/src/inputs.ts';
import { listDatasets } from '../../server/src/db/dataset-repository.ts';
import { datasetFingerprint } from '../../server/src/db/dataset-rows.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import {
  createCurationClient,
  MERGE,
  SOURCE,
  UPSERT_ENTITY,
  UPSERT_RELATIONSHIP,
  UPSERT_SOURCE,
} from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { emptyGraph } from '../helpers/ftm-file.ts';
import { countGraph, snapshot } from '../helpers/graph.ts';
import { ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const { asEditor, cypher } = createCurationClient(db);
const dir = mkdtempSync(join(tmpdir(), 'entente-export-'));

beforeAll(() => loadCuratedDatasets(db));
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every file of an export, by path within it, with its bytes. */
function filesOf(out: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(out).map((folder) => [
      `${folder}/${EXPORT_FILE}`,
      readFileSync(join(out, folder, EXPORT_FILE), 'utf8'),
    ]),
  );
}

async function exported(name: string) {
  const out = join(dir, name);
  const result = await exportGraph(db, 'test', { out });
  expect(result.error).toBeUndefined();
  expect(result.exitCode).toBe(0);
  return { out, result };
}

/** Empties the database and seeds the export into it, as `npm run seed -- DIR` does. */
async function seedInto(out: string) {
  await emptyGraph(db);
  expect(await countGraph(db)).toEqual({ nodes: 0, relationships: 0 });
  const seeded = await importDatasets(db, 'test', { paths: [out] });
  expect(seeded.problems).toEqual([]);
  expect(seeded.exitCode).toBe(0);
}

describe('npm run export', { timeout: 120_000 }, () => {
  it('of the seeded curated datasets, seeded into an empty database, gives the same graph, fingerprints and all', async () => {
    // Each load stamps its instant on the datasets' nodes (loadedAt); the rest is the same.
    const before = await snapshot(db, [], { instants: false });
    const { out, result } = await exported('seeded');
    expect(result.datasets.map((d) => d.folder)).toEqual([
      '01-kaspersky-eu-2018',
      '02-cyber-cooperation',
      '03-cyber-restrictions',
    ]);
    // The court rulings cyber-restrictions adds to a relationship of cyber-cooperation.
    expect(result.datasets.find((d) => d.dataset === 'cyber-restrictions')?.phases).toBe(3);
    await seedInto(out);
    expect(await snapshot(db, [], { instants: false })).toBe(before);
  });

  it('with what curators did through the API, seeded into an empty database, gives the same records and datasets', async () => {
    await loadCuratedDatasets(db);
    // A seeded entity edited (it joins curation), a new entity, source and relationship, a
    // seeded relationship edited that carries another dataset's phases, and a merge.
    await ok(
      asEditor(UPSERT_ENTITY, {
        input: { id: 'europol', kind: 'AGENCY', name: 'Europol', aliases: ['EU police agency'] },
      }),
    );
    await ok(
      asEditor(UPSERT_ENTITY, {
        input: {
          id: 'curated-vendor',
          kind: 'COMPANY',
          name: 'Curated Vendor',
          identifiers: [{ scheme: 'INN', value: '7713140469' }],
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
          history: [{ status: 'FROZEN', since: '2021', evidence: [{ source: 'curated-note' }] }],
        },
      }),
    );
    const [bsi] = await cypher<{ props: Record<string, unknown> }>(
      'MATCH ()-[r:RESTRICTS {id: "bsi-restricts-kaspersky-lab-63e7e69c"}]->() RETURN properties(r) AS props',
    );
    await ok(
      asEditor(UPSERT_RELATIONSHIP, {
        input: {
          id: 'bsi-restricts-kaspersky-lab-63e7e69c',
          from: 'bsi',
          type: 'RESTRICTS',
          to: 'kaspersky-lab',
          since: bsi?.props.since,
          measure: 'a curator rewrote the measure',
          evidence: [{ source: 'bsi-2022-03-15-kaspersky-warning' }],
        },
      }),
    );
    await ok(asEditor(MERGE, { keep: 'kaspersky-lab', drop: 'curated-vendor' }));

    // Revisions stay in the database: an export holds records.
    const records = await snapshot(db, ['Dataset', 'Revision']);
    const datasets = await listDatasets(db);
    const [shared] = await cypher<{ datasets: string[] }>(
      'MATCH (e:Entity {id: "europol"}) RETURN e.datasets AS datasets',
    );
    expect(shared?.datasets).toEqual(['kaspersky-eu-2018', 'curation']);

    const { out, result } = await exported('curated');
    expect(result.datasets.find((d) => d.dataset === 'curation')).toMatchObject({
      relationships: 1,
      sources: 1,
    });
    const files = filesOf(out);
    await seedInto(out);
    expect(await snapshot(db, ['Dataset', 'Revision'])).toBe(records);
    expect(await listDatasets(db)).toEqual(datasets);
    // Each dataset's node holds the fingerprint of what the export holds for it.
    const fingerprints = await cypher<{ id: string; contentHash: string }>(
      'MATCH (d:Dataset) RETURN d.id AS id, d.contentHash AS contentHash ORDER BY id',
    );
    const contents = (await readInputs([out])).map(toContent);
    expect(fingerprints).toEqual(
      contents
        .map((content) => ({ id: content.dataset.id, contentHash: datasetFingerprint(content) }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    // Exported again from the graph the export gave: the same bytes.
    const again = await exported('curated-again');
    expect(filesOf(again.out)).toEqual(files);
  });

  it('of the same graph twice gives byte-identical files, and replaces an earlier export whole', async () => {
    const first = await exported('twice');
    const files = filesOf(first.out);
    const second = await exported('twice');
    expect(filesOf(second.out)).toEqual(files);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('when a stored record breaks a rule of the format / names it at its file and line, writes nothing, exit 1', async () => {
    // Only Cypher by hand can store this: the API and the seeder refuse an empty title.
    await db.write("CREATE (:Source {id: 'untitled', title: ' ', dataset: 'curation'})");
    const out = join(dir, 'refused');
    const result = await exportGraph(db, 'test', { out });
    await db.write("MATCH (s:Source {id: 'untitled'}) DELETE s");
    expect(result.exitCode).toBe(1);
    expect(result.problems.map((p) => `${p.file.replace(out, 'DIR')}: ${p.message}`)).toEqual([
      'DIR/02-curation/dataset.yaml: title: must not be empty',
    ]);
    expect(result.problems[0]?.line).toBeGreaterThan(1);
    expect(readdirSync(dir).filter((name) => name === 'refused' || name.startsWith('.'))).toEqual(
      [],
    );
  });

  it('refuses a folder that holds other files, naming it, and writes nothing', async () => {
    const out = join(dir, 'occupied');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    const result = await exportGraph(db, 'test', { out });
    expect(result.exitCode).toBe(1);
    expect(result.error).toBe(
      `${out} holds files that are not an export; name an empty or new folder`,
    );
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });
});
