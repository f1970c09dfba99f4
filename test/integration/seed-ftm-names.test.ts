import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { formatSummary } from '../../seed/src/summary.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { writeDatasetDir } from '../helpers/graph.ts';

const shared = (name: string) =>
  fileURLToPath(new URL(`../../../shared/data/ftm/${name}`, import.meta.url));

/** Inter Tobacco, an organisation of the OpenSanctions sample t1. */
const INTER_TOBACCO = 'NK-2GdmHtZTeNXjNVrBGEXZNj';

const sanction = (id: string, authority: string, country: string) =>
  JSON.stringify({
    id,
    schema: 'Sanction',
    properties: {
      entity: [INTER_TOBACCO],
      authority: [authority],
      country: [country],
      program: ['EU financial sanctions'],
      startDate: ['2022-06-03'],
    },
  });

/**
 * The OpenSanctions sample with sanctions whose authority is given as text: the curated
 * Council's name, one of its aliases, the curated OFAC's name in capitals, and a body no
 * dataset holds.
 */
function sanctionsFile(): string {
  const dir = writeDatasetDir({});
  const file = join(dir, 'eu-sanctions.ftm.jsonl');
  const lines = [
    readFileSync(shared('t1.ftm.json'), 'utf8').trimEnd(),
    sanction('s-eu-1', 'Council of the European Union', 'eu'),
    sanction('s-eu-2', 'Council of the EU', 'eu'),
    sanction('s-us-1', 'OFFICE OF FOREIGN ASSETS CONTROL', 'us'),
    sanction('s-xx-1', 'Ministry of Example', 'by'),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const db = connectTestDatabase();
const file = sanctionsFile();
afterAll(() => db.close());

const restrictsFrom = async (id: string) =>
  (
    await db.read<{ from: string }>(
      'MATCH (a:Entity)-[r:RESTRICTS {id: $id}]->() RETURN a.id AS from',
      { id },
    )
  )[0]?.from;

const named = async (key: string) =>
  db.read<{ id: string; datasets: string[] }>(
    'MATCH (e:Entity {nameKey: $key}) RETURN e.id AS id, e.datasets AS datasets ORDER BY id',
    { key },
  );

describe('an FtM import naming an authority by text, into the curated datasets', () => {
  beforeAll(() => loadCuratedDatasets(db));

  it('links the Council named in full to the curated Council instead of making another', async () => {
    const result = await importDatasets(db, 'test', { paths: [file] });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(await restrictsFrom('ftm-s-eu-1')).toBe('council-of-the-eu');
    expect(await named('council of the european union')).toEqual([
      { id: 'council-of-the-eu', datasets: ['cyber-cooperation'] },
    ]);
    expect(result.names?.['eu-sanctions']?.linked).toEqual([
      {
        name: 'Council of the European Union',
        entity: 'council-of-the-eu',
        kind: 'Institution',
        reasons: ['same name once normalised ("council of the european union")'],
      },
      {
        name: 'OFFICE OF FOREIGN ASSETS CONTROL',
        entity: 'ofac',
        kind: 'Agency',
        reasons: [
          'same name once normalised ("office of foreign assets control")',
          'same country (US)',
        ],
      },
    ]);
    expect(await restrictsFrom('ftm-s-us-1')).toBe('ofac');
    const summary = formatSummary(result);
    expect(summary).toContain(
      'eu-sanctions: linked "Council of the European Union" to council-of-the-eu',
    );
  });

  it('makes an entity of a name that matches only an alias, and lists the Council as its possible duplicate', async () => {
    const result = await importDatasets(db, 'test', { paths: [file], dryRun: true });
    const [candidate] = result.names?.['eu-sanctions']?.candidates ?? [];
    expect(candidate?.name).toBe('Council of the EU');
    // "council-of-the-eu" is the curated Council's id, so the name's own entity takes another.
    expect(candidate?.entity).toMatch(/^council-of-the-eu-[0-9a-f]{8}$/);
    expect(candidate?.matches).toEqual([
      {
        id: 'council-of-the-eu',
        name: 'Council of the European Union',
        score: 0.5,
        certain: false,
        reasons: ['the name of one is an alias of the other'],
      },
    ]);
    expect(await restrictsFrom('ftm-s-eu-2')).toBe(candidate?.entity);
    expect(formatSummary(result)).toContain(
      `possible duplicates of "Council of the EU" (made as ${candidate?.entity})`,
    );
    // A body no dataset holds is made as before, with nothing to report.
    expect(await restrictsFrom('ftm-s-xx-1')).toBe('ministry-of-example');
    expect(result.names?.['eu-sanctions']?.candidates).toHaveLength(1);
  });

  it('loading the file again changes nothing and links the same way', async () => {
    const again = await importDatasets(db, 'test', { paths: [file] });
    expect(again.exitCode).toBe(0);
    const [report] = again.reports.filter((r) => r.dataset === 'eu-sanctions');
    expect(report?.entities).toMatchObject({ created: 0, updated: 0 });
    expect(report?.relationships).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(again.names?.['eu-sanctions']?.linked.map((link) => link.entity)).toEqual([
      'council-of-the-eu',
      'ofac',
    ]);
    // The entities it made for the other two names are its own, not matches of themselves.
    expect(again.names?.['eu-sanctions']?.candidates.map((c) => c.name)).toEqual([
      'Council of the EU',
    ]);
    expect(await named('ministry of example')).toHaveLength(1);
  });
});

describe('an FtM import beside a dataset of the same run', () => {
  const OFAC = `dataset:
  id: us-bodies
  title: US bodies
entities:
  - id: ofac
    kind: Agency
    name: Office of Foreign Assets Control (OFAC)
    aliases: [OFAC, Office of Foreign Assets Control]
    country: US
  - id: treasury-ofac
    kind: Agency
    name: Office of Foreign Assets Control
    country: US
`;

  it('links to the run entity that matches with certainty, whichever path comes first', async () => {
    const result = await importDatasets(db, 'test', {
      paths: [file, writeDatasetDir({ 'dataset.yaml': OFAC })],
      reset: true,
    });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.reports.map((report) => report.dataset)).toEqual(['eu-sanctions', 'us-bodies']);
    // Same name and country: certain. "ofac" shares only an alias: not linked, not listed.
    expect(await restrictsFrom('ftm-s-us-1')).toBe('treasury-ofac');
    expect(result.names?.['eu-sanctions']?.linked).toMatchObject([
      { name: 'OFFICE OF FOREIGN ASSETS CONTROL', entity: 'treasury-ofac' },
    ]);
    // With the database emptied first (--reset), the curated Council is not there to link to.
    expect(await restrictsFrom('ftm-s-eu-1')).toBe('council-of-the-european-union');
  });
});

describe('an FtM import naming by text a body the file itself holds', () => {
  const dir = writeDatasetDir({});
  const own = join(dir, 'own-bodies.ftm.jsonl');
  writeFileSync(
    own,
    `${[
      JSON.stringify({
        id: 'pb-ministry',
        schema: 'PublicBody',
        properties: { name: ['Ministry of Example'], country: ['by'] },
      }),
      JSON.stringify({ id: 'o-1', schema: 'Organization', properties: { name: ['Example Org'] } }),
      JSON.stringify({
        id: 's-1',
        schema: 'Sanction',
        properties: { entity: ['o-1'], authority: ['MINISTRY OF EXAMPLE'], country: ['by'] },
      }),
    ].join('\n')}\n`,
  );

  it('links it to that entity when streamed into an empty database, and again when read whole', async () => {
    await db.write('MATCH (n) DETACH DELETE n');
    let readWhole = false;
    const streamed = await importDatasets(db, 'test', {
      paths: [own],
      streamBytes: 0,
      onRead: () => {
        readWhole = true;
      },
    });
    expect(streamed.problems).toEqual([]);
    expect(readWhole).toBe(false);
    expect(await restrictsFrom('ftm-s-1')).toBe('pb-ministry');
    expect(streamed.names?.['own-bodies']?.linked).toMatchObject([
      { name: 'MINISTRY OF EXAMPLE', entity: 'pb-ministry', kind: 'Agency' },
    ]);
    expect(await named('ministry of example')).toEqual([
      { id: 'pb-ministry', datasets: ['own-bodies'] },
    ]);

    const again = await importDatasets(db, 'test', { paths: [own] });
    expect(again.exitCode).toBe(0);
    expect(again.reports[0]?.relationships).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.reports[0]?.entities).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.names?.['own-bodies']?.linked.map((link) => link.entity)).toEqual(['pb-ministry']);
  });
});
