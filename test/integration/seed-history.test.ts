import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { formatProblem } from '../../seed/src/model.ts';
import { STATUS_IN_FORCE } from '../../server/src/db/projections.ts';
import { statusAt } from '../../server/src/domain/status-history.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot, writeDatasetDir } from '../helpers/graph.ts';
import { createClient, ok } from '../helpers/graphql.ts';
import { BASE, CONTEXT } from '../helpers/history-fixture.ts';

const db = connectTestDatabase();
const query = createClient(db);
let base: string;
let context: string;

async function load(...dirs: string[]) {
  const result = await importDatasets(db, 'test', { paths: dirs });
  expect(result.problems.map(formatProblem)).toEqual([]);
  expect(result.exitCode).toBe(0);
  return result;
}

beforeAll(async () => {
  await db.write('MATCH (n) DETACH DELETE n');
  base = writeDatasetDir({ 'data.yaml': BASE });
  context = writeDatasetDir({ 'data.yaml': CONTEXT });
  await load(base, context);
});
afterAll(() => db.close());

const RELATIONSHIP = `query ($asOf: PartialDate) {
  relationship(id: "acme-agency") {
    status
    at2017: statusAt(date: "2017-01-01")
    at2019: statusAt(date: "2019")
    at2022: statusAt(date: "2022-06")
    after: statusAt(date: "2024")
    history { status since until note dataset evidence { quote source { id } } }
  }
  neighborhood(ids: ["agency"], asOf: $asOf) { nodes { id } edges { id status } }
}`;

describe('a status history', () => {
  it('reads as phases with their own evidence, credited to the dataset that states each', async () => {
    const data = await ok(query(RELATIONSHIP));
    expect(data.relationship).toEqual({
      status: 'ACTIVE',
      at2017: 'ACTIVE',
      at2019: 'FROZEN',
      at2022: 'ACTIVE',
      after: null,
      history: [
        {
          status: 'ACTIVE',
          since: '2016-07-25',
          until: '2018-06-13',
          note: null,
          dataset: 'base',
          evidence: [{ quote: 'They began to work together.', source: { id: 'src' } }],
        },
        {
          status: 'FROZEN',
          since: '2018-06-13',
          until: '2021-07',
          note: 'frozen in protest',
          dataset: 'base',
          evidence: [{ quote: 'We freeze our cooperation.', source: { id: 'src' } }],
        },
        {
          status: 'ACTIVE',
          since: '2021-07',
          until: '2023',
          note: null,
          dataset: 'context',
          evidence: [{ quote: 'We are partners again.', source: { id: 'later' } }],
        },
      ],
    });
  });

  it('as of a date, each status is the one in force then, and statuses filters on it', async () => {
    const statusOn = async (asOf: string, statuses?: string) => {
      const data = await ok(
        query(
          `{ neighborhood(ids: ["acme"], asOf: "${asOf}"${statuses ? `, statuses: [${statuses}]` : ''}) { edges { id status } } }`,
        ),
      );
      return data.neighborhood.edges;
    };
    expect(await statusOn('2017-01-01')).toEqual([{ id: 'acme-agency', status: 'ACTIVE' }]);
    expect(await statusOn('2019-01-01')).toEqual([{ id: 'acme-agency', status: 'FROZEN' }]);
    expect(await statusOn('2017-01-01', 'FROZEN')).toEqual([]);
    expect(await statusOn('2019-01-01', 'FROZEN')).toEqual([
      { id: 'acme-agency', status: 'FROZEN' },
    ]);
    expect(await statusOn('2022-01-01', 'FROZEN')).toEqual([]);
    const paths = await ok(
      query('{ paths(from: "acme", to: "agency", asOf: "2019-01-01") { edges { id status } } }'),
    );
    expect(paths.paths[0].edges).toEqual([{ id: 'acme-agency', status: 'FROZEN' }]);
  });

  it('as of a date, an entity founded after it is not part of the answer', async () => {
    const before = await ok(query(RELATIONSHIP, { asOf: '2019-01-01' }));
    expect(before.neighborhood.nodes.map((n: { id: string }) => n.id).sort()).toEqual([
      'acme',
      'agency',
    ]);
    const after = await ok(query(RELATIONSHIP, { asOf: '2021-01-01' }));
    expect(after.neighborhood.nodes.map((n: { id: string }) => n.id).sort()).toEqual([
      'acme',
      'agency',
      'newcomer',
    ]);
  });

  it('changes lists starts, changes of status and ends between two dates, in date order', async () => {
    const data = await ok(
      query(`{ changes(ids: ["agency"], from: "2016-01-01", to: "2024-01-01") {
        date kind fromStatus toStatus relationship { id }
      } }`),
    );
    expect(
      data.changes.map((c: Record<string, unknown>) => [
        c.date,
        c.kind,
        c.fromStatus,
        c.toStatus,
        (c.relationship as { id: string }).id,
      ]),
    ).toEqual([
      ['2016-07-25', 'STARTED', null, 'ACTIVE', 'acme-agency'],
      ['2018-06-13', 'STATUS_CHANGED', 'ACTIVE', 'FROZEN', 'acme-agency'],
      ['2021-07', 'STATUS_CHANGED', 'FROZEN', 'ACTIVE', 'acme-agency'],
      ['2023', 'ENDED', 'ACTIVE', null, 'acme-agency'],
    ]);
    const narrow = await ok(
      query('{ changes(from: "2018-01-01", to: "2019-01-01", first: 5) { date kind } }'),
    );
    expect(narrow.changes).toEqual([{ date: '2018-06-13', kind: 'STATUS_CHANGED' }]);
  });

  it('timeSpan is the first and last day the data speaks of', async () => {
    const data = await ok(query('{ timeSpan { earliest latest } }'));
    expect(data.timeSpan).toEqual({ earliest: '2016-07-25', latest: '2023-12-31' });
  });

  it('the status in force is the same in Cypher as in the domain, at every date', async () => {
    const dates = [
      '2016-07-24',
      '2016-07-25',
      '2018-06-12',
      '2018-06-13',
      '2021-06-30',
      '2021-07-01',
      '2030-01-01',
    ];
    const rows = await db.read<{ day: string; status: string }>(
      `UNWIND $dates AS asOf
       MATCH ()-[r:COOPERATES_WITH {id: 'acme-agency'}]->()
       WITH r, asOf AS day CALL (r, day) { WITH day AS asOf RETURN ${STATUS_IN_FORCE.replaceAll('$asOf', 'asOf')} AS status }
       RETURN day, status`,
      { dates },
    );
    const data = await ok(
      query('{ relationship(id: "acme-agency") { history { status since } } }'),
    );
    const [first, ...phases] = data.relationship.history as { status: string; since: string }[];
    const rel = {
      status: (first?.status ?? '').toLowerCase() as 'active',
      history: phases.map((p) => ({ status: p.status.toLowerCase() as 'active', since: p.since })),
    };
    expect(rows.map((row) => row.status)).toEqual(dates.map((day) => statusAt(rel, day)));
  });
});

describe('loading again', () => {
  it("keeps the phases another dataset added when the relationship's own dataset is loaded alone", async () => {
    const before = await snapshot(db);
    const result = await load(base);
    expect(result.reports[0]?.relationships).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(await snapshot(db)).toBe(before);
    const edited = writeDatasetDir({ 'data.yaml': BASE.replace('frozen in protest', 'frozen') });
    await load(edited);
    const data = await ok(
      query('{ relationship(id: "acme-agency") { history { since dataset } } }'),
    );
    expect(data.relationship.history.map((p: { dataset: string }) => p.dataset)).toEqual([
      'base',
      'base',
      'context',
    ]);
    await load(base);
  });

  it('removes the phases a dataset no longer states, and counts them', async () => {
    const without = writeDatasetDir({ 'data.yaml': CONTEXT.split('phases:')[0] ?? '' });
    const result = await load(base, without);
    expect(result.reports.find((r) => r.dataset === 'context')?.phases).toMatchObject({
      removed: 1,
    });
    const data = await ok(query('{ relationship(id: "acme-agency") { history { since } } }'));
    expect(data.relationship.history.map((p: { since: string }) => p.since)).toEqual([
      '2016-07-25',
      '2018-06-13',
    ]);
    const again = await load(base, context);
    expect(again.reports.find((r) => r.dataset === 'context')?.phases).toMatchObject({
      created: 1,
    });
    const unchanged = await load(base, context);
    expect(unchanged.reports.find((r) => r.dataset === 'context')?.phases).toMatchObject({
      created: 0,
      unchanged: 1,
    });
  });
});
