import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { createClient, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const query = createClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

const EDGE =
  'id type label since until status from { id name } to { id name } evidence { quote source { id title url } }';

interface Edge {
  id: string;
  type: string;
  since: string | null;
  status: string;
  role?: string | null;
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: { quote: string | null; source: { id: string; url: string | null } }[];
}

/** The relationships around `id` that hold at `asOf`, of the given types (every type when none). */
async function edgesAt(id: string, asOf: string, types: string[] = []): Promise<Edge[]> {
  const data = await ok<{ neighborhood: { edges: Edge[] } }>(
    query(
      `query($ids: [ID!]!, $asOf: PartialDate, $types: [RelationshipType!]) {
        neighborhood(ids: $ids, relationshipTypes: $types, asOf: $asOf, limit: 500) { edges { ${EDGE} role } }
      }`,
      { ids: [id], asOf, types: types.length > 0 ? types : null },
    ),
  );
  return data.neighborhood.edges;
}

/** Kaspersky Lab's cooperation with Europol and its No More Ransom membership: one relationship each. */
const EUROPOL = 'kaspersky-lab-cooperates-with-europol';
const NO_MORE_RANSOM = 'kaspersky-lab-member-of-no-more-ransom';

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

describe('the seed story, through GraphQL', () => {
  it('how is Kaspersky Lab connected to Europol? (paths)', async () => {
    const data = await ok<{ paths: { length: number; nodes: { id: string }[]; edges: Edge[] }[] }>(
      query(
        `{ paths(from: "kaspersky-lab", to: "europol") { length nodes { id } edges { ${EDGE} } } }`,
      ),
    );
    expect(data.paths.length).toBeGreaterThanOrEqual(1);
    const [shortest] = data.paths;
    expect(shortest?.length).toBe(1);
    expect(shortest?.nodes.map((node) => node.id).sort()).toEqual(['europol', 'kaspersky-lab']);
    expect(shortest?.edges[0]).toMatchObject({
      id: EUROPOL,
      type: 'COOPERATES_WITH',
      since: '2016-07-25',
      status: 'FROZEN',
    });
    expect(shortest?.edges[0]?.evidence[0]?.quote).toMatch(/joining forces to launch/);
    for (const path of data.paths) expect(path.edges).toHaveLength(path.length);
  });

  it('who restricted Kaspersky, and when? (neighborhood filtered to RESTRICTS)', async () => {
    const data = await ok<{ neighborhood: { nodes: { id: string }[]; edges: Edge[] } }>(
      query(
        `{ neighborhood(ids: ["kaspersky-lab"], relationshipTypes: [RESTRICTS]) { nodes { id } edges { ${EDGE} measure } } }`,
      ),
    );
    const edges = data.neighborhood.edges;
    expect(edges.every((edge) => edge.type === 'RESTRICTS')).toBe(true);
    const restrictors = new Set(
      edges.filter((edge) => edge.to.id === 'kaspersky-lab').map((edge) => edge.from.id),
    );
    expect(restrictors).toContain('european-parliament');
    expect(restrictors).toContain('us-government');
    const parliament = edges.find((edge) => edge.from.id === 'european-parliament');
    expect(parliament).toMatchObject({ since: '2018-06-13', status: 'PROPOSED' });
    const us = edges.find((edge) => edge.from.id === 'us-government');
    expect(us).toMatchObject({ since: '2017-09-13' });
  });

  it("since when has Eugene Kaspersky been the company's CEO? (asOf)", async () => {
    const roles = async (asOf: string) =>
      (await edgesAt('kaspersky-lab', asOf, ['LEADS']))
        .filter((edge) => edge.from.id === 'eugene-kaspersky')
        .map((edge) => edge.role);
    expect(await roles('2006-12-31')).not.toContain('CEO');
    expect(await roles('2007-01-01')).toContain('CEO');
  });

  it('since when have Europol and the European Council been part of the EU? (asOf)', async () => {
    const parts = async (asOf: string) =>
      (await edgesAt('european-union', asOf, ['PART_OF'])).map((edge) => edge.from.id);
    const before = await parts('2009-11-30');
    expect(before).not.toContain('europol');
    expect(before).not.toContain('european-council');
    expect(before).toContain('european-parliament');
    expect(await parts('2009-12-01')).toContain('european-council');
    expect(await parts('2010-01-01')).toEqual(
      expect.arrayContaining(['europol', 'european-council']),
    );
  });

  it('since when have the Parliament, the Commission, the Council and the Court been EU institutions? (asOf)', async () => {
    const institutions = [
      'european-parliament',
      'european-commission',
      'council-of-the-eu',
      'cjeu',
    ];
    const parts = async (asOf: string) =>
      (await edgesAt('european-union', asOf, ['PART_OF'])).map((edge) => edge.from.id);
    const before = await parts('1993-10-31');
    for (const id of institutions) expect(before).not.toContain(id);
    const after = await parts('1993-11-01');
    expect(after).toEqual(expect.arrayContaining(institutions));
    expect(after).not.toContain('european-council');
    const maastricht = (await edgesAt('european-union', '1993-11-01', ['PART_OF'])).find(
      (edge) => edge.from.id === 'european-parliament',
    );
    expect(maastricht?.since).toBe('1993-11-01');
    expect(maastricht?.evidence.map((e) => e.quote).join(' ')).toMatch(/1 November 1993/);
  });

  it("the European Parliament's timeline starts with its first sitting in Strasbourg (timeline)", async () => {
    const data = await ok<{ timeline: Edge[] }>(
      query(`{ timeline(id: "european-parliament") { ${EDGE} } }`),
    );
    const [first] = data.timeline;
    expect(first).toMatchObject({
      type: 'HEADQUARTERED_IN',
      since: '1952-09-10',
      to: { id: 'france' },
    });
    const order = data.timeline.map((edge) => `${edge.type} ${edge.to.id}`);
    expect(order.indexOf('PART_OF european-union')).toBeGreaterThan(0);
    expect(order.indexOf('PART_OF european-union')).toBeLessThan(
      order.indexOf('RESTRICTS kaspersky-lab'),
    );
  });

  it('which agencies had their seat in the Netherlands before and after EC3 opened? (asOf)', async () => {
    const seated = async (asOf: string) =>
      (await edgesAt('netherlands', asOf, ['HEADQUARTERED_IN'])).map((edge) => edge.from.id);
    const before = await seated('2012-12-31');
    expect(before).toEqual(expect.arrayContaining(['europol', 'eurojust']));
    expect(before).not.toContain('ec3');
    expect(before).not.toContain('dutch-national-police');
    expect(await seated('2013-01-01')).toEqual(
      expect.arrayContaining(['europol', 'eurojust', 'ec3', 'dutch-national-police']),
    );
    // From the Europol Convention's entry into force, in the seat chosen in 1993.
    expect(await seated('1998-09-30')).not.toContain('europol');
    expect(await seated('1998-10-01')).toContain('europol');
  });

  it('who governed Czechia, the United States and Russia, and since when? (asOf on statehood)', async () => {
    const governs = async (id: string, asOf: string) =>
      (await edgesAt(id, asOf, ['GOVERNS'])).map((edge) => edge.from.id);
    expect(await governs('czechia', '1992-12-31')).toEqual([]);
    expect(await governs('czechia', '1993-01-01')).toEqual(['czechia-government']);
    expect(await governs('united-states', '1789-03-03')).toEqual([]);
    expect(await governs('united-states', '1789-03-04')).toEqual(['us-government']);
    // Sources disagree on the day in December 1991, so the tie holds from the month on.
    expect(await governs('russia', '1991-11-30')).toEqual([]);
    expect(await governs('russia', '1991-12-01')).toEqual(['russian-government']);
  });

  it('since when has the Council of the EU appointed the head of Europol? (asOf on the Europol Convention)', async () => {
    const appointer = async (asOf: string) =>
      (await edgesAt('europol', asOf, ['GOVERNS'])).map((edge) => [edge.from.id, edge.role]);
    expect(await appointer('1998-09-30')).toEqual([]);
    expect(await appointer('1998-10-01')).toEqual([['council-of-the-eu', 'appoints the director']]);
    expect(await appointer('2018-03')).toEqual([['council-of-the-eu', 'appoints the director']]);
  });

  it('who led Europol, and when? (asOf on office terms)', async () => {
    const leaders = async (asOf: string) =>
      (await edgesAt('europol', asOf, ['LEADS'])).map((edge) => edge.from.id);
    expect(await leaders('2009-03')).toEqual([]);
    expect(await leaders('2009-04')).toEqual(['rob-wainwright']);
    expect(await leaders('2018-03-08')).toEqual(['rob-wainwright']);
    expect(await leaders('2018-06')).toEqual(['catherine-de-bolle']);
  });

  it('who had restricted or accused Kaspersky before the directive, and who after it? (asOf)', async () => {
    const around = async (asOf: string) =>
      (await edgesAt('kaspersky-lab', asOf, ['RESTRICTS', 'ACCUSES'])).map(
        (edge) => `${edge.from.id} ${edge.type}`,
      );
    const before = await around('2017-09-12');
    for (const tie of ['us-government RESTRICTS', 'dhs RESTRICTS', 'united-states ACCUSES'])
      expect(before).not.toContain(tie);
    const after = await around('2017-09-13');
    for (const tie of ['us-government RESTRICTS', 'dhs RESTRICTS', 'united-states ACCUSES'])
      expect(after).toContain(tie);
    expect(after).not.toContain('european-parliament RESTRICTS');
  });

  it("what was Kaspersky's relationship to No More Ransom at 2017-01-01, and at 2019-01-01? (asOf)", async () => {
    const at = async (asOf: string) =>
      (await edgesAt('kaspersky-lab', asOf))
        .filter((edge) => [edge.from.id, edge.to.id].includes('no-more-ransom'))
        .map((edge) => `${edge.type}:${edge.status}`)
        .sort();
    const before = await at('2017-01-01');
    const after = await at('2019-01-01');
    expect(before).toContain('MEMBER_OF:ACTIVE');
    expect(before).not.toContain('MEMBER_OF:FROZEN');
    expect(after).toContain('MEMBER_OF:FROZEN');
    expect(after).not.toContain('COOPERATES_WITH:FROZEN');
  });

  it('search("Kaspersy") finds Kaspersky Lab despite the typo', async () => {
    const data = await ok<{
      search: { score: number; entity: { id: string; __typename: string } }[];
    }>(query('{ search(text: "Kaspersy") { score entity { __typename id } } }'));
    expect(data.search[0]?.entity).toEqual({ __typename: 'Company', id: 'kaspersky-lab' });
    expect(data.search[0]?.score).toBeGreaterThan(0);
  });

  it('who led DHS when its directive banned Kaspersky, and who when Kaspersky sued? (asOf on office terms)', async () => {
    const leaders = async (asOf: string) =>
      (await edgesAt('dhs', asOf, ['LEADS'])).map((edge) => edge.from.id).sort();
    expect(await leaders('2017-09-13')).toEqual(['elaine-duke']);
    expect(await leaders('2017-12-18')).toEqual(['kirstjen-nielsen']);
    expect(await leaders('2020-01-01')).toEqual([]);
  });

  it("Kaspersky Lab's cooperation with Europol and its No More Ransom membership: active in 2017, frozen in 2019 (asOf, statusAt)", async () => {
    const around = async (asOf: string) =>
      (await edgesAt('kaspersky-lab', asOf))
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
    const ties = (await edgesAt('kaspersky-lab', '2019-01-01', ['COOPERATES_WITH'])).filter(
      (edge) => [edge.from.id, edge.to.id].some((id) => id === 'europol' || id === 'ec3'),
    );
    expect(ties.map((edge) => edge.id)).toEqual([EUROPOL]);
    const members = (await edgesAt('kaspersky-lab', '2019-01-01')).filter((edge) =>
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
    const ndaa = (await edgesAt('kaspersky-lab', '2018-01-01', ['RESTRICTS'])).find(
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

    const commerce = (await edgesAt('kaspersky-lab-inc', '2024-07-01', ['RESTRICTS'])).find(
      (edge) => edge.from.id === 'us-department-of-commerce',
    );
    expect(commerce).toMatchObject({ since: '2024-06-20', status: 'PROPOSED' });
    const final = await historyOf(commerce?.id ?? '', ['2024-07-19', '2024-07-20']);
    expect(final.at).toEqual(['PROPOSED', 'ACTIVE']);
  });
});
