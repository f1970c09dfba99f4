import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { codes, createClient, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const query = createClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

describe('errors a caller can cause', () => {
  it.each([
    ['a depth over 3', '{ neighborhood(ids: ["europol"], depth: 4) { truncated } }'],
    ['a limit over 2000', '{ neighborhood(ids: ["europol"], limit: 5000) { truncated } }'],
    ['a page over 100', '{ entities(first: 1000) { totalCount } }'],
    ['an impossible date', '{ neighborhood(ids: ["europol"], asOf: "2018-02-30") { truncated } }'],
    [
      'paths longer than 6',
      '{ paths(from: "europol", to: "kaspersky-lab", maxLength: 9) { length } }',
    ],
    ['paths from an entity to itself', '{ paths(from: "europol", to: "europol") { length } }'],
    [
      'more than 100 start ids',
      `{ neighborhood(ids: [${'"europol",'.repeat(101)}]) { truncated } }`,
    ],
    ['search text over 200 characters', `{ search(text: "${'k'.repeat(201)}") { score } }`],
    ['an id as a cursor', '{ entities(after: "europol") { totalCount } }'],
    [
      'a made-up cursor',
      '{ entity(id: "europol") { relationships(after: "bm90LWEtY3Vyc29y") { totalCount } } }',
    ],
  ])('%s is BAD_USER_INPUT, naming the limit', async (_name, document) => {
    const result = await query(document);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/\d|date|cursor|different/);
  });

  it('paths between unknown entities is NOT_FOUND', async () => {
    expect(codes(await query('{ paths(from: "europol", to: "atlantis") { length } }'))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('a neighborhood from an unknown entity is NOT_FOUND, naming it', async () => {
    const result = await query('{ neighborhood(ids: ["europol", "atlantis"]) { truncated } }');
    expect(codes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors?.[0]?.message).toBe('No entity with id "atlantis".');
  });

  it('a neighborhood whose limit leaves out some of the given entities is no error', async () => {
    const data = await ok<{ neighborhood: { nodes: { id: string }[]; truncated: boolean } }>(
      query(
        '{ neighborhood(ids: ["europol", "kaspersky-lab", "no-more-ransom"], limit: 1) { nodes { id } truncated } }',
      ),
    );
    expect(data.neighborhood.nodes).toHaveLength(1);
    expect(data.neighborhood.truncated).toBe(true);
  });

  it('search escapes Lucene syntax in user text', async () => {
    const result = await query('{ search(text: "AND (kaspersky* ~ \\"lab") { entity { id } } }');
    expect(result.errors).toBeUndefined();
  });
});
