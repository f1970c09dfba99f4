import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { createClient, ok } from '../helpers/graphql.ts';
import { EDGE, type Edge, EUROPOL, edgesAt } from '../helpers/story.ts';

const db = connectTestDatabase();
const query = createClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

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
      (await edgesAt(query, 'kaspersky-lab', asOf, ['LEADS']))
        .filter((edge) => edge.from.id === 'eugene-kaspersky')
        .map((edge) => edge.role);
    expect(await roles('2006-12-31')).not.toContain('CEO');
    expect(await roles('2007-01-01')).toContain('CEO');
  });

  it('since when have Europol and the European Council been part of the EU? (asOf)', async () => {
    const parts = async (asOf: string) =>
      (await edgesAt(query, 'european-union', asOf, ['PART_OF'])).map((edge) => edge.from.id);
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
      (await edgesAt(query, 'european-union', asOf, ['PART_OF'])).map((edge) => edge.from.id);
    const before = await parts('1993-10-31');
    for (const id of institutions) expect(before).not.toContain(id);
    const after = await parts('1993-11-01');
    expect(after).toEqual(expect.arrayContaining(institutions));
    expect(after).not.toContain('european-council');
    const maastricht = (await edgesAt(query, 'european-union', '1993-11-01', ['PART_OF'])).find(
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
      (await edgesAt(query, 'netherlands', asOf, ['HEADQUARTERED_IN'])).map((edge) => edge.from.id);
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
      (await edgesAt(query, id, asOf, ['GOVERNS'])).map((edge) => edge.from.id);
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
      (await edgesAt(query, 'europol', asOf, ['GOVERNS'])).map((edge) => [edge.from.id, edge.role]);
    expect(await appointer('1998-09-30')).toEqual([]);
    expect(await appointer('1998-10-01')).toEqual([['council-of-the-eu', 'appoints the director']]);
    expect(await appointer('2018-03')).toEqual([['council-of-the-eu', 'appoints the director']]);
  });

  it('who led Europol, and when? (asOf on office terms)', async () => {
    const leaders = async (asOf: string) =>
      (await edgesAt(query, 'europol', asOf, ['LEADS'])).map((edge) => edge.from.id);
    expect(await leaders('2009-03')).toEqual([]);
    expect(await leaders('2009-04')).toEqual(['rob-wainwright']);
    expect(await leaders('2018-03-08')).toEqual(['rob-wainwright']);
    expect(await leaders('2018-06')).toEqual(['catherine-de-bolle']);
  });

  it('who had restricted or accused Kaspersky before the directive, and who after it? (asOf)', async () => {
    const around = async (asOf: string) =>
      (await edgesAt(query, 'kaspersky-lab', asOf, ['RESTRICTS', 'ACCUSES'])).map(
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
      (await edgesAt(query, 'kaspersky-lab', asOf))
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
      (await edgesAt(query, 'dhs', asOf, ['LEADS'])).map((edge) => edge.from.id).sort();
    expect(await leaders('2017-09-13')).toEqual(['elaine-duke']);
    expect(await leaders('2017-12-18')).toEqual(['kirstjen-nielsen']);
    expect(await leaders('2020-01-01')).toEqual([]);
  });
});
