// The measures job over the real test Neo4j, and what the API reads of it: `Entity.measures`
// and `ranking`, with their bounds. The job runs as `npm run measures` does, in-process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { runMeasures } from '../../seed/src/measures.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { writeDatasetDir } from '../helpers/graph.ts';
import { codes, createClient, ok } from '../helpers/graphql.ts';

/**
 * Two cliques of four companies, `a1`..`a4` and `b1`..`b4`, joined by one bridge `a4`–`b1`
 * held since 2020, and a country every `a` is headquartered in; in 2019 the bridge is not there.
 */
const A = ['a1', 'a2', 'a3', 'a4'];
const B = ['b1', 'b2', 'b3', 'b4'];
const pairs = (ids: string[]) =>
  ids.flatMap((from, i) => ids.slice(i + 1).map((to) => ({ from, to, since: '2010' })));
const TIES = [...pairs(A), ...pairs(B), { from: 'a4', to: 'b1', since: '2020' }];
const id = (name: string) => `m-${name}`;

const DATASET = [
  'dataset: { id: measures, title: Two cliques and a bridge }',
  'sources:',
  '  - { id: m-src, title: Source, url: "https://example.org/measures" }',
  'entities:',
  ...[...A, ...B].map((name) => `  - { id: ${id(name)}, kind: Company, name: "Company ${name}" }`),
  `  - { id: ${id('land')}, kind: Country, name: "Land" }`,
  'relationships:',
  ...TIES.map(
    (tie) =>
      `  - { id: ${id(`${tie.from}-${tie.to}`)}, from: ${id(tie.from)}, type: COOPERATES_WITH, to: ${id(tie.to)}, since: "${tie.since}", evidence: [{ source: m-src }] }`,
  ),
  ...A.map(
    (name) =>
      `  - { id: ${id(`${name}-land`)}, from: ${id(name)}, type: HEADQUARTERED_IN, to: ${id('land')}, evidence: [{ source: m-src }] }`,
  ),
  '',
].join('\n');

const OTHER = [
  'dataset: { id: measures-other, title: Another pair }',
  'sources:',
  '  - { id: mo-src, title: Source, url: "https://example.org/other" }',
  'entities:',
  '  - { id: mo-x, kind: Company, name: "Company x" }',
  '  - { id: mo-y, kind: Company, name: "Company y" }',
  'relationships:',
  '  - { id: mo-x-y, from: mo-x, type: OWNS, to: mo-y, evidence: [{ source: mo-src }] }',
  '',
].join('\n');

const db = connectTestDatabase();
const query = createClient(db);
const NOW = new Date('2026-01-02T03:04:05.000Z');

const RANKING = `query Ranking($measure: Measure!, $kinds: [EntityKind!], $asOf: PartialDate, $first: Int) {
  ranking(measure: $measure, kinds: $kinds, asOf: $asOf, first: $first) {
    value community entity { id name kind }
  }
}`;

const MEASURES = `query Measures($id: ID!) {
  entity(id: $id) {
    measures { degree weightedDegree betweenness pagerank community computedAt asOf dataset }
  }
}`;

const ranking = async (variables: Record<string, unknown>) =>
  (
    await ok(
      query<{ ranking: { value: number; community: number; entity: { id: string } }[] }>(
        RANKING,
        variables,
      ),
    )
  ).ranking;

const measuresOf = async (name: string) =>
  (
    await ok(
      query<{ entity: { measures: Record<string, unknown> | null } }>(MEASURES, { id: id(name) }),
    )
  ).entity.measures;

beforeAll(async () => {
  await ensureSchema(db);
  const result = await importDatasets(db, 'test', {
    paths: [
      writeDatasetDir({ 'measures.yaml': DATASET }),
      writeDatasetDir({ 'other.yaml': OTHER }),
    ],
    reset: true,
  });
  expect(result.problems).toEqual([]);
  expect(result.exitCode).toBe(0);
});
afterAll(() => db.close());

describe('before the job has run', () => {
  it('an entity has no measures and the ranking is empty', async () => {
    expect(await measuresOf('a1')).toBeNull();
    expect(await ranking({ measure: 'BETWEENNESS' })).toEqual([]);
  });
});

describe('the measures of the whole graph', () => {
  beforeAll(async () => {
    const result = await runMeasures(db, 'test', { now: () => NOW });
    expect(result.error).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(result).toMatchObject({ entities: 11, relationships: 18, communities: 3 });
  });

  it('ranks the bridge’s ends first by betweenness, each in its own clique’s community', async () => {
    const top = await ranking({ measure: 'BETWEENNESS', first: 2 });
    expect(top.map((row) => row.entity.id).sort()).toEqual([id('a4'), id('b1')]);
    expect(top[0]?.value).toBeGreaterThan(0);
    expect(top[0]?.community).not.toBe(top[1]?.community);
  });

  it('stores each measure on the entity with when and over what it was computed', async () => {
    expect(await measuresOf('a4')).toMatchObject({
      degree: 5,
      weightedDegree: 5,
      community: expect.any(Number),
      computedAt: NOW.toISOString(),
      asOf: null,
      dataset: null,
    });
    const a1 = await measuresOf('a1');
    expect(a1).toMatchObject({ degree: 4 });
    expect(Number(a1?.pagerank)).toBeGreaterThan(0);
    expect((await measuresOf('b2'))?.community).toBe((await measuresOf('b1'))?.community);
  });

  it('ranks by degree within the kinds asked, highest first', async () => {
    const countries = await ranking({ measure: 'DEGREE', kinds: ['COUNTRY'] });
    expect(countries.map((row) => row.entity.id)).toEqual([id('land')]);
    expect(countries[0]?.value).toBe(4);
    const companies = await ranking({ measure: 'PAGERANK', kinds: ['COMPANY'], first: 3 });
    expect(companies).toHaveLength(3);
    const values = companies.map((row) => row.value);
    expect([...values].sort((x, y) => y - x)).toEqual(values);
  });
});

describe('the measures as of a date', () => {
  beforeAll(async () => {
    const result = await runMeasures(db, 'test', { asOf: '2019', now: () => NOW });
    expect(result.exitCode).toBe(0);
    expect(result.relationships).toBe(17);
  });

  it('leaves out what did not hold then: without the bridge no one lies between the cliques', async () => {
    expect(await measuresOf('a4')).toMatchObject({ degree: 4, asOf: '2019' });
    expect(await measuresOf('b1')).toMatchObject({ degree: 3, betweenness: 0 });
  });

  it('ranks the measures computed as of that date, and none computed as of another', async () => {
    // The `a`s and the country are a clique of five then: degree 4 each, ties by id.
    const top = await ranking({ measure: 'DEGREE', asOf: '2019', first: 5 });
    expect(top.map((row) => row.entity.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'land'].map(id));
    expect(top.map((row) => row.value)).toEqual([4, 4, 4, 4, 4]);
    expect(await ranking({ measure: 'DEGREE', asOf: '2021' })).toEqual([]);
  });
});

describe('the measures of one dataset', () => {
  it('replaces only that dataset’s entities’ measures', async () => {
    const result = await runMeasures(db, 'test', { dataset: 'measures-other', now: () => NOW });
    expect(result).toMatchObject({ exitCode: 0, entities: 2, relationships: 1 });
    expect(await measuresOf('a4')).toMatchObject({ asOf: '2019', dataset: null });
    const x = await ok(
      query<{ entity: { measures: Record<string, unknown> } }>(MEASURES, { id: 'mo-x' }),
    );
    expect(x.entity.measures).toMatchObject({ degree: 1, dataset: 'measures-other' });
  });
});

describe('the job refuses, writing nothing', () => {
  it('a graph whose work is over the bound, saying how large it is', async () => {
    const result = await runMeasures(db, 'test', { maxWork: 100, now: () => new Date() });
    expect(result.exitCode).toBe(1);
    expect(result.error).toMatch(/too large to measure: 11 entities and 18 relationships/);
    expect(result.error).toContain('--dataset');
    expect(await measuresOf('a1')).toMatchObject({ computedAt: NOW.toISOString() });
  });

  it('an unknown dataset and a date that is not one', async () => {
    const unknown = await runMeasures(db, 'test', { dataset: 'nope' });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.error).toContain('--dataset: no dataset "nope"');
    const date = await runMeasures(db, 'test', { asOf: '2019-13' });
    expect(date.exitCode).toBe(1);
    expect(date.error).toBe('--as-of "2019-13" has no month 13.');
  });
});

describe('ranking’s bounds', () => {
  it.each([0, 101])('first: %i / BAD_USER_INPUT naming first', async (first) => {
    const result = await query(RANKING, { measure: 'DEGREE', first });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/^first must be a whole number from 1 to 100/);
  });

  it('is priced by the page it asks for: deep under 100 entities is over the cost limit, under 1 it is not', async () => {
    const deep = `query Deep($first: Int) {
      ranking(measure: DEGREE, first: $first) {
        entity {
          relationships(first: 100) { nodes { from { relationships(first: 10) { nodes { id } } } } }
        }
      }
    }`;
    expect(codes(await query(deep, { first: 100 }))).toEqual(['COST_LIMIT']);
    expect((await query(deep, { first: 1 })).errors).toBeUndefined();
  });

  it('an unknown measure is refused by the schema', async () => {
    const result = await query(RANKING, { measure: 'CLOSENESS' });
    expect(result.errors?.[0]?.message).toContain('Measure');
  });
});

describe('npm run measures', { timeout: 240_000 }, () => {
  it('with --json / prints one JSON document of what it stored, exit 0', () => {
    const root = join(import.meta.dirname, '..', '..');
    const { uri, user, password } = inject('neo4j');
    const run = spawnSync(
      'node',
      [join(root, 'scripts', 'bootstrap.mjs'), 'measures', '--as-of', '2021', '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ exitCode: 0, asOf: '2021', entities: 11, relationships: 18 });
    expect(
      report.brokers
        .map((item: { id: string }) => item.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([id('a4'), id('b1')]);
  });
});
