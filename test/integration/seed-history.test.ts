import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { formatProblem } from '../../seed/src/model.ts';
import { STATUS_IN_FORCE } from '../../server/src/db/projections.ts';
import { statusAt } from '../../server/src/domain/status-history.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot, writeDatasetDir } from '../helpers/graph.ts';
import { createClient, ok } from '../helpers/graphql.ts';

// Line numbers matter: the tests below replace lines of BASE by number.
const BASE = `dataset:
  id: base
  title: Base
sources:
  - id: src
    title: A source
entities:
  - id: acme
    kind: Company
    name: Acme
  - id: agency
    kind: Agency
    name: The Agency
  - id: newcomer
    kind: Company
    name: Newcomer
    founded: 2020
relationships:
  - id: acme-agency
    from: acme
    type: COOPERATES_WITH
    to: agency
    since: 2016-07-25
    until: 2023
    evidence:
      - source: src
        quote: They began to work together.
    history:
      - status: frozen
        since: 2018-06-13
        note: frozen in protest
        evidence:
          - source: src
            quote: We freeze our cooperation.
  - from: newcomer
    type: COOPERATES_WITH
    to: agency
    evidence:
      - source: src
`;

const CONTEXT = `dataset:
  id: context
  title: Context
  requires: [base]
sources:
  - id: later
    title: A later source
phases:
  - relationship: acme-agency
    status: active
    since: 2021-07
    evidence:
      - source: later
        quote: We are partners again.
`;

function withLine(text: string, n: number, replacement: string): string {
  const lines = text.split('\n');
  lines.splice(n - 1, 1, replacement);
  return lines.join('\n');
}

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

describe('a bad history is refused with its file and line, and nothing is written', () => {
  async function problemsOf(baseYaml: string, contextYaml = CONTEXT): Promise<string[]> {
    const before = await snapshot(db);
    const dirs = [
      writeDatasetDir({ 'base.yaml': baseYaml }),
      writeDatasetDir({ 'context.yaml': contextYaml }),
    ];
    const result = await importDatasets(db, 'test', { paths: dirs });
    expect(result.exitCode).toBe(1);
    expect(await snapshot(db)).toBe(before);
    return result.problems.map(formatProblem).map((line) => line.replace(/^.*\/(\w+\.yaml)/, '$1'));
  }

  it('when a phase is out of date order', async () => {
    const yaml = BASE.replace(
      '            quote: We freeze our cooperation.',
      '            quote: We freeze our cooperation.\n      - status: active\n        since: 2017\n        evidence:\n          - source: src',
    );
    expect(await problemsOf(yaml)).toEqual([
      'base.yaml:36:16: phase since 2017 is before the phase before it (2018-06-13): phases go in date order',
    ]);
  });

  it('when a phase begins before the relationship does, or after it ended', async () => {
    expect(await problemsOf(withLine(BASE, 30, '        since: 2015'))).toEqual([
      "base.yaml:30:16: phase since 2015 is not after the relationship's since 2016-07-25 (the relationship's own status holds from then)",
    ]);
    expect(await problemsOf(BASE, CONTEXT.replace('since: 2021-07', 'since: 2024'))).toEqual([
      "context.yaml:11:12: phase since 2024 is after the relationship's until 2023 (in the history of acme-agency)",
    ]);
  });

  it('when a relationship with an end is said to have begun ended', async () => {
    expect(await problemsOf(withLine(BASE, 24, '    until: 2023\n    status: ended'))).toEqual([
      'base.yaml:25:13: status ended with until 2023: give the status it began in (until says when it ended)',
    ]);
  });

  it('when two phases begin on the same day', async () => {
    expect(await problemsOf(BASE, CONTEXT.replace('since: 2021-07', 'since: 2018-06-13'))).toEqual([
      'context.yaml:11:12: phase since 2018-06-13 begins on the same day as the phase before it (2018-06-13) (in the history of acme-agency)',
    ]);
  });

  it('when a phase has an unknown status or no evidence', async () => {
    expect(await problemsOf(withLine(BASE, 29, '      - status: paused'))).toEqual([
      expect.stringMatching(
        /^base\.yaml:29:17: history\.0\.status: unknown status "paused" \(statuses: active, /,
      ),
    ]);
    const noEvidence = CONTEXT.split('    evidence:')[0] ?? '';
    expect(await problemsOf(BASE, noEvidence)).toEqual(['context.yaml:9:5: evidence is required']);
  });

  it('when a phase names a relationship no dataset defines, or one of a dataset not required', async () => {
    expect(
      await problemsOf(
        BASE,
        CONTEXT.replace('relationship: acme-agency', 'relationship: acme-nobody'),
      ),
    ).toEqual([
      'context.yaml:9:19: phase for relationship "acme-nobody", which no loaded dataset defines',
    ]);
    expect(await problemsOf(BASE, CONTEXT.replace('  requires: [base]\n', ''))).toEqual([
      'context.yaml:8:19: relationship "acme-agency" belongs to dataset "base", which context does not require',
    ]);
  });
});
