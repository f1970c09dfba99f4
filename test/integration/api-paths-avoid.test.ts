import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { HUB_DEGREE } from '../../server/src/domain/paths.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { writeDatasetDir } from '../helpers/graph.ts';
import { codes, createClient, ok } from '../helpers/graphql.ts';

/**
 * A small graph where the shortest ways from `a` to `b` run through a country (`c`) and through
 * `h`, which has more relationships than the tests' degree limit; the ways around them are longer,
 * and one (through `d`) holds only from 2020.
 */
const KINDS: Record<string, string> = { c: 'Country' };
const ENTITIES = ['a', 'b', 'c', 'h', 'd', 'p', 'q', 's', 't', 'u', 'l1', 'l2', 'l3', 'l4'];
const TIES: { from: string; to: string; type: string; since?: string }[] = [
  { from: 'a', to: 'c', type: 'HEADQUARTERED_IN' },
  { from: 'b', to: 'c', type: 'HEADQUARTERED_IN' },
  { from: 'a', to: 'h', type: 'COOPERATES_WITH' },
  { from: 'h', to: 'b', type: 'COOPERATES_WITH' },
  ...['l1', 'l2', 'l3', 'l4'].map((leaf) => ({ from: 'h', to: leaf, type: 'OWNS' })),
  { from: 'a', to: 'd', type: 'COOPERATES_WITH', since: '2020' },
  { from: 'd', to: 'b', type: 'COOPERATES_WITH', since: '2020' },
  { from: 'a', to: 'p', type: 'COOPERATES_WITH' },
  { from: 'p', to: 'q', type: 'OWNS' },
  { from: 'q', to: 'b', type: 'COOPERATES_WITH' },
  { from: 'a', to: 's', type: 'COOPERATES_WITH' },
  { from: 's', to: 't', type: 'COOPERATES_WITH' },
  { from: 't', to: 'u', type: 'COOPERATES_WITH' },
  { from: 'u', to: 'b', type: 'COOPERATES_WITH' },
];
/** `h` has 6 relationships, `a` and `b` have 5: only `h` is over this. */
const MAX_DEGREE = 5;

const id = (name: string) => `hubs-${name}`;
const tieId = (tie: { from: string; to: string }) => `hubs-${tie.from}-${tie.to}`;

const DATASET = [
  'dataset: { id: hubs, title: Paths around hubs }',
  'sources:',
  '  - { id: hubs-src, title: Source, url: "https://example.org/hubs" }',
  'entities:',
  ...ENTITIES.map(
    (name) => `  - { id: ${id(name)}, kind: ${KINDS[name] ?? 'Company'}, name: "Entity ${name}" }`,
  ),
  'relationships:',
  ...TIES.map(
    (tie) =>
      `  - { id: ${tieId(tie)}, from: ${id(tie.from)}, type: ${tie.type}, to: ${id(tie.to)}${tie.since ? `, since: ${tie.since}` : ''}, evidence: [{ source: hubs-src }] }`,
  ),
  '',
].join('\n');

interface Avoid {
  kinds?: string[] | null;
  maxDegree?: number | null;
}

interface Search {
  from: string;
  to: string;
  avoid?: Avoid | null;
  asOf?: string;
  types?: string[];
  maxLength?: number;
  limit?: number;
}

const degree = (name: string) => TIES.filter((tie) => tie.from === name || tie.to === name).length;

/**
 * Every trail (no relationship twice) from `from` to `to`, shortest first, as SHORTEST walks
 * them: each hop passes the filters, and each node after the first is `to` or no hub.
 */
function trailsByHand(search: Search, avoid: { kinds: string[]; maxDegree: number | null }) {
  const maxLength = search.maxLength ?? 4;
  const hub = (name: string) =>
    avoid.kinds.includes((KINDS[name] ?? 'Company').toUpperCase()) ||
    (avoid.maxDegree !== null && degree(name) > avoid.maxDegree);
  const passes = (tie: (typeof TIES)[number]) =>
    (!search.types || search.types.includes(tie.type)) &&
    (!search.asOf || !tie.since || tie.since <= search.asOf);
  const found: string[][] = [];
  const walk = (at: string, nodes: string[], used: Set<(typeof TIES)[number]>) => {
    if (at === search.to && nodes.length > 1) found.push(nodes);
    if (nodes.length > maxLength) return;
    for (const tie of TIES) {
      if (used.has(tie) || !passes(tie) || (tie.from !== at && tie.to !== at)) continue;
      const next = tie.from === at ? tie.to : tie.from;
      if (next !== search.to && hub(next)) continue;
      walk(next, [...nodes, next], new Set([...used, tie]));
    }
  };
  walk(search.from, [search.from], new Set());
  return found.sort((x, y) => x.length - y.length);
}

const db = connectTestDatabase();
const query = createClient(db);

beforeAll(async () => {
  await ensureSchema(db);
  const result = await importDatasets(db, 'test', {
    paths: [writeDatasetDir({ 'hubs.yaml': DATASET })],
    reset: true,
  });
  expect(result.problems).toEqual([]);
  expect(result.exitCode).toBe(0);
});
afterAll(() => db.close());

const PATHS = `query ($from: ID!, $to: ID!, $avoid: PathAvoidInput, $asOf: PartialDate,
  $types: [RelationshipType!], $maxLength: Int, $limit: Int) {
  paths(from: $from, to: $to, avoid: $avoid, asOf: $asOf, relationshipTypes: $types,
    maxLength: $maxLength, limit: $limit) { length nodes { id } edges { id } }
}`;

/** The paths the API finds, each as the names of its nodes. */
async function paths(search: Search): Promise<string[][]> {
  const data = await ok<{ paths: { length: number; nodes: { id: string }[] }[] }>(
    query(PATHS, {
      ...search,
      from: id(search.from),
      to: id(search.to),
      avoid: search.avoid ?? null,
    }),
  );
  for (const path of data.paths) expect(path.nodes).toHaveLength(path.length + 1);
  return data.paths.map((path) => path.nodes.map((node) => node.id.replace(/^hubs-/, '')));
}

const sorted = (found: string[][]) => found.map((nodes) => nodes.join('-')).sort();

describe('paths that avoid hubs', () => {
  const both = { kinds: ['COUNTRY'], maxDegree: MAX_DEGREE };

  it('without avoid / go through the country and the well-connected entity as before', async () => {
    expect(sorted(await paths({ from: 'a', to: 'b' }))).toEqual(['a-c-b', 'a-d-b', 'a-h-b']);
    expect(sorted(await paths({ from: 'a', to: 'b', avoid: null }))).toEqual([
      'a-c-b',
      'a-d-b',
      'a-h-b',
    ]);
  });

  it('with kinds and maxDegree / go around both, shortest first', async () => {
    expect(await paths({ from: 'a', to: 'b', avoid: both })).toEqual([
      ['a', 'd', 'b'],
      ['a', 'p', 'q', 'b'],
      ['a', 's', 't', 'u', 'b'],
    ]);
  });

  it.each<[string, Search]>([
    ['both hubs left out', { from: 'a', to: 'b', avoid: both }],
    ['at a date', { from: 'a', to: 'b', avoid: both, asOf: '2019-06-01' }],
    ['of some types', { from: 'a', to: 'b', avoid: both, types: ['COOPERATES_WITH'] }],
    ['countries only', { from: 'a', to: 'b', avoid: { kinds: ['COUNTRY'], maxDegree: null } }],
    ['degree only', { from: 'a', to: 'b', avoid: { kinds: [], maxDegree: MAX_DEGREE } }],
    ['up to 3 hops, 10 paths', { from: 'a', to: 'b', avoid: both, maxLength: 3, limit: 10 }],
    ['up to 6 hops, 10 paths', { from: 'a', to: 'b', avoid: both, maxLength: 6, limit: 10 }],
    ['from a leaf', { from: 'l1', to: 'p', avoid: { kinds: [], maxDegree: 6 }, limit: 10 }],
  ])('%s / are the exact shortest of the graph without them', async (_name, search) => {
    const avoid = { kinds: search.avoid?.kinds ?? [], maxDegree: search.avoid?.maxDegree ?? null };
    const found = await paths(search);
    const all = trailsByHand(search, avoid);
    const limit = search.limit ?? 3;
    expect(found.length).toBe(Math.min(limit, all.length));
    // Ties may come in any order: the lengths are those of the k shortest, and each path is one.
    expect(found.map((nodes) => nodes.length)).toEqual(
      all.slice(0, limit).map((nodes) => nodes.length),
    );
    const possible = new Set(all.map((nodes) => nodes.join('-')));
    for (const nodes of found) expect(possible).toContain(nodes.join('-'));
  });

  it('at a date / honour it: the way through d holds only from 2020', async () => {
    expect(await paths({ from: 'a', to: 'b', avoid: both, asOf: '2019-06-01' })).toEqual([
      ['a', 'p', 'q', 'b'],
      ['a', 's', 't', 'u', 'b'],
    ]);
  });

  it('of some types / honour them: p owns q', async () => {
    expect(await paths({ from: 'a', to: 'b', avoid: both, types: ['COOPERATES_WITH'] })).toEqual([
      ['a', 'd', 'b'],
      ['a', 's', 't', 'u', 'b'],
    ]);
  });

  it('between two hubs / may start and end at them', async () => {
    const found = await paths({ from: 'c', to: 'h', avoid: both, limit: 2 });
    expect(sorted(found)).toEqual(['c-a-h', 'c-b-h']);
  });

  it('from an entity whose only neighbour is a hub / find none', async () => {
    expect(await paths({ from: 'l1', to: 'c', avoid: both })).toEqual([]);
    expect(sorted(await paths({ from: 'l1', to: 'c' }))).toEqual(['l1-h-a-c', 'l1-h-b-c']);
  });

  it('with {} / leave out the domain defaults: countries, and degrees over HUB_DEGREE', async () => {
    expect(HUB_DEGREE).toBeGreaterThan(degree('h'));
    expect(sorted(await paths({ from: 'a', to: 'b', avoid: {} }))).toEqual([
      'a-d-b',
      'a-h-b',
      'a-p-q-b',
    ]);
  });
});

describe('the avoid argument', () => {
  it.each([1, 0, -5, 1_000_001])(
    'a maxDegree of %i is BAD_USER_INPUT, naming the field and its bounds',
    async (maxDegree) => {
      const result = await query(PATHS, {
        from: id('a'),
        to: id('b'),
        avoid: { kinds: ['COUNTRY'], maxDegree },
      });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toBe(
        `avoid.maxDegree must be a whole number from 2 to 1000000, got ${maxDegree}.`,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ field: 'avoid.maxDegree' });
    },
  );

  it('a kind the ontology does not have is refused before any resolver runs', async () => {
    const result = await query(PATHS, { from: id('a'), to: id('b'), avoid: { kinds: ['PLANET'] } });
    expect(result.errors?.[0]?.message).toMatch(/PLANET/);
    expect(result.data).toBeUndefined();
  });

  it('is checked before the ends: a bad maxDegree between unknown ids is still BAD_USER_INPUT', async () => {
    const result = await query(PATHS, {
      from: 'atlantis',
      to: 'atlantis',
      avoid: { maxDegree: 1 },
    });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ field: 'avoid.maxDegree' });
  });
});
