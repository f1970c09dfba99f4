import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { formatSummary } from '../../seed/src/summary.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { createClient, ok } from '../helpers/graphql.ts';

const shared = (name: string) =>
  fileURLToPath(new URL(`../../../shared/data/ftm/${name}`, import.meta.url));
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

const db = connectTestDatabase();
beforeAll(async () => {
  await ensureSchema(db);
  await db.write('MATCH (n) DETACH DELETE n');
});
afterAll(() => db.close());

describe('importing FollowTheMoney lines', () => {
  it('loads the OpenSanctions samples and reports the counts per schema', async () => {
    const result = await importDatasets(db, 'test', {
      paths: [shared('t1.ftm.json'), shared('parteispenden.ftm.json')],
    });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.counts.t1).toEqual({
      mapped: { Organization: 2, Person: 4 },
      unmapped: { Address: 1 },
    });
    const donations = result.counts.parteispenden;
    expect(donations?.mapped).toMatchObject({ Company: 56, Person: 22, Organization: 18 });
    expect(donations?.unmapped.Address).toBe(89);
    const payments =
      (donations?.mapped.Payment ?? 0) +
      Object.entries(donations?.unmapped ?? {})
        .filter(([schema]) => schema.startsWith('Payment'))
        .reduce((sum, [, n]) => sum + n, 0);
    expect(payments).toBe(290);
    const summary = formatSummary(result);
    expect(summary).toContain('t1: not mapped Address 1');
  });

  it('writes payments as PAYS edges between the mapped entities, with their dates', async () => {
    const [row] = await db.read<{ n: number; dated: number }>(
      "MATCH (:Entity)-[r:PAYS]->(:Entity) WHERE r.dataset = 'parteispenden' RETURN count(r) AS n, count(r.since) AS dated",
    );
    expect(row?.n).toBeGreaterThan(250);
    expect(row?.dated).toBe(row?.n);
  });

  it('importing the same file again creates nothing', async () => {
    const again = await importDatasets(db, 'test', { paths: [shared('parteispenden.ftm.json')] });
    expect(again.reports[0]?.entities.created).toBe(0);
    expect(again.reports[0]?.relationships.created).toBe(0);
  });
});

describe('importing what FollowTheMoney says of time', () => {
  it('writes each link with the interval it held and the status it began in', async () => {
    const result = await importDatasets(db, 'test', { paths: [fixture('ftm/time.ftm.jsonl')] });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    const rows = await db.read<{ id: string; status: string; since: string; until: string | null }>(
      `MATCH (:Entity)-[r]->(:Entity) WHERE r.dataset = 'time'
       RETURN r.id AS id, r.status AS status, r.since AS since, r.until AS until ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'ftm-d-resigned', status: 'active', since: '2010', until: '2012-06-30' },
      { id: 'ftm-e-bad-start', status: 'active', since: '2018-03', until: null },
      { id: 'ftm-s-dated', status: 'active', since: '2020-05', until: null },
      { id: 'ftm-s-delisted', status: 'active', since: '2014-07-16', until: '2019-01-27' },
      { id: 'ftm-s-listed', status: 'active', since: '2022-02-25', until: '2099-03-15' },
    ]);
  });
});

describe('importing CSV', () => {
  it('loads entities.csv and relationships.csv from a folder', async () => {
    const result = await importDatasets(db, 'test', { paths: [fixture('csv/cyber-sample')] });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.reports[0]?.entities.created).toBeGreaterThan(0);
    expect(result.reports[0]?.relationships.created).toBeGreaterThan(0);
  });

  it('rejects an invalid CSV folder with file:line:col problems and writes nothing', async () => {
    const [before] = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    const result = await importDatasets(db, 'test', { paths: [fixture('csv/invalid')] });
    expect(result.exitCode).toBe(1);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) expect(problem.file).toMatch(/\.csv$/);
    const [after] = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    expect(after?.n).toBe(before?.n);
  });

  it("loads phases.csv as each relationship's history, with its evidence and the status in force at each date", async () => {
    const result = await importDatasets(db, 'test', { paths: [fixture('csv/with-phases')] });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    const query = createClient(db);
    const data = await ok<{ relationship: Record<string, unknown> }>(
      query(`{
        relationship(id: "acme-police") {
          before: statusAt(date: "2017-01-01")
          frozen: statusAt(date: "2019-01-01")
          history { status since until note evidence { quote source { id } } dataset }
        }
      }`),
    );
    expect(data.relationship).toEqual({
      before: 'ACTIVE',
      frozen: 'FROZEN',
      history: [
        {
          status: 'ACTIVE',
          since: '2016-07-25',
          until: '2018-06-13',
          note: null,
          evidence: [
            {
              quote: 'Acme Security and the Example Police will work together',
              source: { id: 'launch-release' },
            },
          ],
          dataset: 'with-phases',
        },
        {
          status: 'FROZEN',
          since: '2018-06-13',
          until: '2021-07',
          note: 'frozen in protest',
          evidence: [
            { quote: 'we are forced to freeze our cooperation', source: { id: 'acme-2018' } },
            { quote: null, source: { id: 'news-2018' } },
          ],
          dataset: 'with-phases',
        },
        {
          status: 'ACTIVE',
          since: '2021-07',
          until: null,
          note: 'resumed, as Acme said',
          evidence: [{ quote: null, source: { id: 'acme-2021' } }],
          dataset: 'with-phases',
        },
      ],
    });
  });

  it('loading the same phases.csv again changes nothing', async () => {
    const again = await importDatasets(db, 'test', { paths: [fixture('csv/with-phases')] });
    expect(again.exitCode).toBe(0);
    expect(again.reports[0]?.relationships.created).toBe(0);
    expect(again.reports[0]?.relationships.updated).toBe(0);
  });

  it('rejects phases that break the rules at the cell of phases.csv and writes nothing', async () => {
    const [before] = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    const result = await importDatasets(db, 'test', { paths: [fixture('csv/invalid-phases')] });
    expect(result.exitCode).toBe(1);
    const at = result.problems.map((p) => `${p.file.split('/').at(-1)}:${p.line}:${p.col}`);
    expect(at).toEqual(expect.arrayContaining(['phases.csv:10:3', 'phases.csv:11:1']));
    const [after] = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    expect(after?.n).toBe(before?.n);
  });
});
