import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';

const db = connectTestDatabase();
beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

const NEIGHBORHOOD = `query($ids: [ID!]!, $depth: Int) {
  neighborhood(ids: $ids, depth: $depth, limit: 2000) {
    nodes { id name evidence { quote source { id title url publisher { id name } } } sources { id } }
    edges { id from { id name } to { id name } evidence { quote source { id title url author { name } } } }
  }
}`;

/** Runs a query through a fresh Yoga and counts the Cypher round trips it took. */
async function counted(query: string, variables: Record<string, unknown>) {
  const yoga = createEntenteYoga({ db, config: testConfig() });
  const before = db.roundTrips;
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { body: await response.json(), trips: db.roundTrips - before };
}

async function roundTripsOf(ids: string[], depth: number) {
  const { body, trips } = await counted(NEIGHBORHOOD, { ids, depth });
  expect(body.errors).toBeUndefined();
  return { trips, nodes: body.data.neighborhood.nodes.length as number };
}

describe('a neighbourhood with evidence and sources', () => {
  it('takes a bounded number of round trips, however many nodes it holds', async () => {
    const small = await roundTripsOf(['anthony-spadafora'], 1);
    const large = await roundTripsOf(['kaspersky-lab', 'europol', 'european-union'], 2);
    expect(large.nodes).toBeGreaterThan(small.nodes * 10);
    // One for the subgraph, one batch of sources, one batch of publishers and authors.
    expect(small.trips).toBeLessThanOrEqual(3);
    expect(large.trips).toBeLessThanOrEqual(3);
  });
});

describe('paths', () => {
  const PATHS = `query($from: ID!, $to: ID!, $types: [RelationshipType!]) {
    paths(from: $from, to: $to, relationshipTypes: $types) { length nodes { id name } }
  }`;
  const paths = (from: string, to: string, types: string[] | null = null) =>
    counted(PATHS, { from, to, types });

  it('found in one round trip: a path proves both ends exist', async () => {
    const { body, trips } = await paths('kaspersky-lab', 'europol');
    expect(body.errors).toBeUndefined();
    expect(body.data.paths.length).toBeGreaterThan(0);
    expect(body.data.paths[0].nodes.at(-1)).toMatchObject({ id: 'europol', name: 'Europol' });
    expect(trips).toBe(1);
  });

  it('none between existing entities is an empty list, not an error', async () => {
    const { body, trips } = await paths('kaspersky-lab', 'europol', ['HEADQUARTERED_IN']);
    expect(body.errors).toBeUndefined();
    expect(body.data.paths).toEqual([]);
    expect(trips).toBe(2);
  });

  it.each([
    ['from', 'atlantis', 'europol'],
    ['to', 'europol', 'atlantis'],
  ])('an unknown %s end is NOT_FOUND, naming it', async (_end, from, to) => {
    const { body } = await paths(from, to);
    expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'NOT_FOUND',
    ]);
    expect(body.errors[0].message).toContain('"atlantis"');
  });
});

describe('a page of entities', () => {
  const PAGE =
    'query($kinds: [EntityKind!]) { entities(kinds: $kinds, first: 5) { nodes { id } } }';
  const COUNTED =
    'query($kinds: [EntityKind!]) { entities(kinds: $kinds, first: 5) { totalCount nodes { id } } }';

  it('is one round trip, and counts the matching entities only when totalCount is asked', async () => {
    const plain = await counted(PAGE, { kinds: ['AGENCY'] });
    expect(plain.body.errors).toBeUndefined();
    expect(plain.body.data.entities.nodes).toHaveLength(5);
    expect(plain.trips).toBe(1);

    const withCount = await counted(COUNTED, { kinds: ['AGENCY'] });
    expect(withCount.trips).toBe(2);
    const [row] = await db.read<{ n: number }>('MATCH (e:Entity:Agency) RETURN count(e) AS n');
    expect(withCount.body.data.entities.totalCount).toBe(row?.n);
    expect(row?.n).toBeGreaterThan(5);
  });
});
