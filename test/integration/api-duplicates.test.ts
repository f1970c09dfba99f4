import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { awaitSearchIndex } from '../../server/src/db/schema.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { writeDatasetDir } from '../helpers/graph.ts';
import { codes, createClient, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const query = createClient(db);

/** Beside the curated Kaspersky Lab: a near-duplicate of it, and names that only look alike. */
const LOOKALIKES = `dataset:
  id: lookalikes
  title: Near-duplicates of curated entities
  requires: [kaspersky-eu-2018]
entities:
  - id: kaspersky-lab-ao
    kind: Company
    name: Kaspersky Lab, AO
    country: RU
  - id: kaspersky-foundation
    kind: Company
    name: Kaspersky Foundation
    country: RU
  - id: kaspersky-lab-person
    kind: Person
    name: Kaspersky Lab
  - id: europol-agency-copy
    kind: Agency
    name: EUROPOL
`;

beforeAll(async () => {
  await loadCuratedDatasets(db);
  const dir = writeDatasetDir({ 'dataset.yaml': LOOKALIKES });
  const result = await importDatasets(db, 'test', { paths: [dir] });
  expect(result.problems).toEqual([]);
  expect(result.exitCode).toBe(0);
  await awaitSearchIndex(db);
});
afterAll(() => db.close());

const CANDIDATES = `query($id: ID!, $first: Int) {
  duplicateCandidates(id: $id, first: $first) { entity { id name } score reasons certain }
}`;

const PAIRS = `query($first: Int, $after: String) {
  duplicates(first: $first, after: $after) {
    nodes { a { id } b { id } score reasons certain cursor }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface PairPage {
  duplicates: {
    nodes: { a: { id: string }; b: { id: string }; score: number; certain: boolean }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('duplicateCandidates', () => {
  it('finds "Kaspersky Lab, AO" for Kaspersky Lab, certain, and not the foundation or a person', async () => {
    const data = await ok(query(CANDIDATES, { id: 'kaspersky-lab' }));
    const ids = data.duplicateCandidates.map((c: { entity: { id: string } }) => c.entity.id);
    expect(ids).toContain('kaspersky-lab-ao');
    expect(ids).not.toContain('kaspersky-foundation');
    expect(ids).not.toContain('kaspersky-lab-person');
    expect(ids).not.toContain('kaspersky-lab');
    expect(data.duplicateCandidates[0]).toEqual({
      entity: { id: 'kaspersky-lab-ao', name: 'Kaspersky Lab, AO' },
      score: 1,
      certain: true,
      reasons: [
        'same name once normalised ("kaspersky lab")',
        'same country (RU)',
        'same kind (Company)',
      ],
    });
  });

  it('finds the curated entity from its near-duplicate; a namesake of another country is uncertain', async () => {
    const data = await ok(query(CANDIDATES, { id: 'kaspersky-lab-ao' }));
    expect(data.duplicateCandidates).toMatchObject([
      { entity: { id: 'kaspersky-lab' }, certain: true, score: 1 },
      // The US subsidiary (cyber-cooperation): "Kaspersky Lab, Inc.", country US.
      {
        entity: { id: 'kaspersky-lab-inc' },
        certain: false,
        score: 0.5,
        reasons: [
          'same name once normalised ("kaspersky lab")',
          'different countries (RU, US)',
          'same kind (Company)',
        ],
      },
    ]);
    const europol = await ok(query(CANDIDATES, { id: 'europol-agency-copy' }));
    expect(europol.duplicateCandidates).toMatchObject([
      { entity: { id: 'europol' }, certain: true },
    ]);
  });

  it('answers an entity with no likely duplicate with no candidates', async () => {
    const data = await ok(query(CANDIDATES, { id: 'kaspersky-foundation' }));
    expect(data.duplicateCandidates).toEqual([]);
  });

  it('answers an unknown id with NOT_FOUND, and a first out of bounds with BAD_USER_INPUT', async () => {
    expect(codes(await query(CANDIDATES, { id: 'no-such-entity' }))).toEqual(['NOT_FOUND']);
    expect(codes(await query(CANDIDATES, { id: 'kaspersky-lab', first: 0 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('duplicates', () => {
  it('pages through every pair of the graph once, in the order of one large page', async () => {
    const whole = await ok<PairPage>(query(PAIRS, { first: 100 }));
    expect(whole.duplicates.pageInfo.hasNextPage).toBe(false);
    const all = whole.duplicates.nodes.map((pair) => `${pair.a.id} ${pair.b.id}`);
    expect(all).toContain('kaspersky-lab kaspersky-lab-ao');
    expect(all).toContain('europol europol-agency-copy');
    expect(all.some((pair) => pair.includes('kaspersky-foundation'))).toBe(false);
    expect(all.some((pair) => pair.includes('kaspersky-lab-person'))).toBe(false);
    for (const pair of whole.duplicates.nodes) {
      expect(pair.a.id < pair.b.id).toBe(true);
      expect(pair.score).toBeGreaterThan(0);
    }

    const paged: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const page: PairPage = await ok<PairPage>(query(PAIRS, { first: 1, after }));
      expect(page.duplicates.nodes.length).toBeLessThanOrEqual(1);
      paged.push(...page.duplicates.nodes.map((pair) => `${pair.a.id} ${pair.b.id}`));
      if (!page.duplicates.pageInfo.hasNextPage) break;
      after = page.duplicates.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
  });

  it('is priced by its page size, so nested pages under pairs and candidates are refused before they run', async () => {
    const around =
      'relationships(first: 100) { nodes { from { relationships(first: 100) { nodes { id } } } } }';
    const pairs = `{ duplicates(first: 100) { nodes { a { ${around} } } } }`;
    expect(codes(await query(pairs))).toEqual(['COST_LIMIT']);
    const small = `{ duplicates(first: 1) { nodes { a { ${around} } } } }`;
    expect(codes(await query(small))).toEqual([]);
    const candidates = `{ duplicateCandidates(id: "kaspersky-lab", first: 50) { entity { ${around} } } }`;
    expect(codes(await query(candidates))).toEqual(['COST_LIMIT']);
  });

  it('refuses a cursor it did not make', async () => {
    expect(codes(await query(PAIRS, { after: 'kaspersky-lab' }))).toEqual(['BAD_USER_INPUT']);
  });
});
