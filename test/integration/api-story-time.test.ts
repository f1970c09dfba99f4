import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { createClient, ok } from '../helpers/graphql.ts';
import { EDGE, type Edge, EUROPOL, edgesAt, NO_MORE_RANSOM } from '../helpers/story.ts';

const db = connectTestDatabase();
const query = createClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

interface Phase {
  status: string;
  since: string | null;
  until: string | null;
  note: string | null;
  dataset: string | null;
  evidence: { quote: string | null; source: { id: string } }[];
}

interface Change {
  date: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  relationship: { id: string; type: string; from: { id: string }; to: { id: string } };
}

const PHASE = 'status since until note dataset evidence { quote source { id } }';

/** A relationship's history and its status at each of `dates` (statusAt). */
async function historyOf(
  id: string,
  dates: string[] = [],
): Promise<{ status: string; history: Phase[]; at: (string | null)[] }> {
  const at = dates.map((_, i) => `at${i}: statusAt(date: $d${i})`).join(' ');
  const params = ['$id: ID!', ...dates.map((_, i) => `$d${i}: PartialDate!`)].join(', ');
  const variables = Object.fromEntries([['id', id], ...dates.map((date, i) => [`d${i}`, date])]);
  const data = await ok<{ relationship: Record<string, unknown> | null }>(
    query(
      `query(${params}) { relationship(id: $id) { status history { ${PHASE} } ${at} } }`,
      variables,
    ),
  );
  const rel = data.relationship;
  expect(rel, id).not.toBeNull();
  return {
    status: rel?.status as string,
    history: rel?.history as Phase[],
    at: dates.map((_, i) => (rel?.[`at${i}`] as string | null) ?? null),
  };
}

/** What changed around `ids` between two dates, as "date KIND from->to from-id TYPE to-id". */
async function changesBetween(ids: string[], from: string, to: string): Promise<Change[]> {
  const data = await ok<{ changes: Change[] }>(
    query(
      `query($ids: [ID!], $from: PartialDate!, $to: PartialDate!) {
        changes(ids: $ids, from: $from, to: $to, first: 500) {
          date kind fromStatus toStatus relationship { id type from { id } to { id } }
        }
      }`,
      { ids, from, to },
    ),
  );
  return data.changes;
}

describe('the seed story in time, through GraphQL', () => {
  it("Kaspersky Lab's cooperation with Europol and its No More Ransom membership: active in 2017, frozen in 2019 (asOf, statusAt)", async () => {
    const around = async (asOf: string) =>
      (await edgesAt(query, 'kaspersky-lab', asOf))
        .filter((edge) => edge.id === EUROPOL || edge.id === NO_MORE_RANSOM)
        .map((edge) => `${edge.id}:${edge.status}`)
        .sort();
    expect(await around('2016-07-24')).toEqual([]);
    expect(await around('2017-01-01')).toEqual([`${EUROPOL}:ACTIVE`, `${NO_MORE_RANSOM}:ACTIVE`]);
    expect(await around('2018-06-12')).toEqual([`${EUROPOL}:ACTIVE`, `${NO_MORE_RANSOM}:ACTIVE`]);
    expect(await around('2018-06-13')).toEqual([`${EUROPOL}:FROZEN`, `${NO_MORE_RANSOM}:FROZEN`]);
    expect(await around('2019-01-01')).toEqual([`${EUROPOL}:FROZEN`, `${NO_MORE_RANSOM}:FROZEN`]);
    for (const id of [EUROPOL, NO_MORE_RANSOM]) {
      const { status, at } = await historyOf(id, ['2016-07-24', '2017-01-01', '2019-01-01']);
      expect(status).toBe('FROZEN');
      expect(at).toEqual([null, 'ACTIVE', 'FROZEN']);
    }
  });

  it('one relationship, not two, carries the Europol cooperation and its freeze (history)', async () => {
    const ties = (await edgesAt(query, 'kaspersky-lab', '2019-01-01', ['COOPERATES_WITH'])).filter(
      (edge) => [edge.from.id, edge.to.id].some((id) => id === 'europol' || id === 'ec3'),
    );
    expect(ties.map((edge) => edge.id)).toEqual([EUROPOL]);
    const members = (await edgesAt(query, 'kaspersky-lab', '2019-01-01')).filter((edge) =>
      [edge.from.id, edge.to.id].includes('no-more-ransom'),
    );
    expect(members.filter((edge) => edge.type !== 'FOUNDED').map((edge) => edge.id)).toEqual([
      NO_MORE_RANSOM,
    ]);

    const europol = await historyOf(EUROPOL);
    expect(europol.history).toHaveLength(2);
    expect(europol.history[0]).toMatchObject({
      status: 'ACTIVE',
      since: '2016-07-25',
      until: '2018-06-13',
      dataset: 'kaspersky-eu-2018',
    });
    expect(europol.history[0]?.evidence.map((e) => e.quote).join(' ')).toMatch(
      /No More Ransom was launched on 25 July 2016/,
    );
    expect(europol.history[1]).toMatchObject({
      status: 'FROZEN',
      since: '2018-06-13',
      until: null,
      dataset: 'kaspersky-eu-2018',
    });
    expect(europol.history[1]?.note).toMatch(/European Parliament/);
    const freeze = europol.history[1]?.evidence ?? [];
    expect(freeze.map((e) => e.quote)).toContain(
      'we are forced to freeze our cooperation with orgs including @Europol & #NoMoreRansom.',
    );
    expect(freeze.map((e) => e.source.id)).toContain('itproportal-2018-06-kaspersky-ends-eu-work');
    expect(freeze.map((e) => e.quote).join(' ')).toMatch(/13 June/);

    const membership = await historyOf(NO_MORE_RANSOM);
    expect(membership.history.map((phase) => [phase.status, phase.since, phase.until])).toEqual([
      ['ACTIVE', '2016-07-25', '2018-06-13'],
      ['FROZEN', '2018-06-13', null],
    ]);
    for (const phase of membership.history) expect(phase.evidence.length).toBeGreaterThan(0);
  });

  it('statuses: [FROZEN] finds none of the freezes as of 2017-01-01 and all of them as of 2019-01-01', async () => {
    const frozen = async (asOf: string) => {
      const data = await ok<{ neighborhood: { edges: Edge[] } }>(
        query(
          `query($asOf: PartialDate) {
            neighborhood(ids: ["kaspersky-lab"], statuses: [FROZEN], asOf: $asOf, limit: 500) { edges { ${EDGE} } }
          }`,
          { asOf },
        ),
      );
      return data.neighborhood.edges.map((edge) => edge.id);
    };
    const before = await frozen('2017-01-01');
    for (const id of [EUROPOL, NO_MORE_RANSOM, 'kaspersky-lab-cooperates-with-european-union'])
      expect(before).not.toContain(id);
    expect(await frozen('2019-01-01')).toEqual(
      expect.arrayContaining([
        EUROPOL,
        NO_MORE_RANSOM,
        'kaspersky-lab-cooperates-with-european-union',
      ]),
    );
  });

  it('what changed around Kaspersky between 2017 and 2019? (changes)', async () => {
    const changes = await changesBetween(['kaspersky-lab'], '2017-01-01', '2019-01-01');
    // In date order: starts and changes of status on their first day (an end would be on its last).
    const days = changes
      .filter((change) => change.kind !== 'ENDED')
      .map((change) => change.date.padEnd(10, change.date.length === 4 ? '-01-01' : '-01'));
    expect(days).toEqual([...days].sort());
    const index = (test: (change: Change) => boolean, what: string) => {
      const i = changes.findIndex(test);
      expect(i, what).toBeGreaterThanOrEqual(0);
      return i;
    };
    const usBan = index(
      (c) =>
        c.kind === 'STARTED' &&
        c.relationship.type === 'RESTRICTS' &&
        c.relationship.from.id === 'us-government' &&
        c.date === '2017-09-13',
      'the US ban (BOD 17-01)',
    );
    const ndaa = index(
      (c) =>
        c.kind === 'STARTED' &&
        c.relationship.from.id === 'us-congress' &&
        c.date === '2017-12-12' &&
        c.toStatus === 'PROPOSED',
      'the NDAA ban, signed',
    );
    const ndaaInForce = index(
      (c) =>
        c.kind === 'STATUS_CHANGED' &&
        c.relationship.from.id === 'us-congress' &&
        c.date === '2018-10-01' &&
        c.fromStatus === 'PROPOSED' &&
        c.toStatus === 'ACTIVE',
      'the NDAA ban in force',
    );
    const parliament = index(
      (c) =>
        c.kind === 'STARTED' &&
        c.relationship.type === 'RESTRICTS' &&
        c.relationship.from.id === 'european-parliament' &&
        c.date === '2018-06-13' &&
        c.toStatus === 'PROPOSED',
      "the Parliament's call",
    );
    const freezes = [EUROPOL, NO_MORE_RANSOM].map((id) =>
      index(
        (c) =>
          c.kind === 'STATUS_CHANGED' &&
          c.relationship.id === id &&
          c.date === '2018-06-13' &&
          c.fromStatus === 'ACTIVE' &&
          c.toStatus === 'FROZEN',
        `the freeze of ${id}`,
      ),
    );
    const zurich = index(
      (c) =>
        c.kind === 'STATUS_CHANGED' &&
        c.relationship.id === 'kaspersky-lab-operates-in-switzerland' &&
        c.date === '2018-11-13',
      'data processing in Zurich',
    );
    expect(usBan).toBeLessThan(ndaa);
    expect(ndaa).toBeLessThan(parliament);
    expect(parliament).toBeLessThan(ndaaInForce);
    for (const freeze of freezes) expect(freeze).toBeLessThan(ndaaInForce);
    expect(ndaaInForce).toBeLessThan(zurich);
    // The cooperation began in 2016: in this window it only changed status.
    expect(changes.filter((c) => c.relationship.id === EUROPOL).map((c) => c.kind)).toEqual([
      'STATUS_CHANGED',
    ]);
  });

  it("the context dataset's phase: the announced move to Switzerland became active when Zurich began processing (history across datasets)", async () => {
    const { history, at } = await historyOf('kaspersky-lab-operates-in-switzerland', [
      '2018-04-30',
      '2018-06-01',
      '2018-11-12',
      '2018-11-13',
    ]);
    expect(history.map((phase) => [phase.status, phase.since, phase.until, phase.dataset])).toEqual(
      [
        ['PROPOSED', '2018-05', '2018-11-13', 'kaspersky-eu-2018'],
        ['ACTIVE', '2018-11-13', null, 'cyber-cooperation'],
      ],
    );
    expect(history[1]?.evidence.map((e) => e.quote).join(' ')).toMatch(/From November 13/);
    expect(at).toEqual([null, 'PROPOSED', 'PROPOSED', 'ACTIVE']);
  });

  it('US measures that were enacted before they took effect: proposed, then active (statusAt)', async () => {
    const ndaa = (await edgesAt(query, 'kaspersky-lab', '2018-01-01', ['RESTRICTS'])).find(
      (edge) => edge.from.id === 'us-congress',
    );
    expect(ndaa).toMatchObject({ since: '2017-12-12', status: 'PROPOSED' });
    const { at, history } = await historyOf(ndaa?.id ?? '', [
      '2017-12-11',
      '2018-09-30',
      '2018-10-01',
    ]);
    expect(at).toEqual([null, 'PROPOSED', 'ACTIVE']);
    expect(history[1]?.evidence.map((e) => e.quote).join(' ')).toMatch(/October 1, 2018/);

    const commerce = (await edgesAt(query, 'kaspersky-lab-inc', '2024-07-01', ['RESTRICTS'])).find(
      (edge) => edge.from.id === 'us-department-of-commerce',
    );
    expect(commerce).toMatchObject({ since: '2024-06-20', status: 'PROPOSED' });
    const final = await historyOf(commerce?.id ?? '', ['2024-07-19', '2024-07-20']);
    expect(final.at).toEqual(['PROPOSED', 'ACTIVE']);
  });
});
