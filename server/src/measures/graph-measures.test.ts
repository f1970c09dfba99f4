import { describe, expect, it } from 'vitest';
import { computeMeasures, type MeasureInput, measureWork, rankBy } from './graph-measures.ts';

const edges = (...pairs: string[]) =>
  pairs.map((pair) => {
    const [source = '', target = ''] = pair.split('-');
    return { source, target };
  });

const STAR: MeasureInput = {
  nodes: ['hub', 'a', 'b', 'c', 'd'],
  edges: edges('hub-a', 'hub-b', 'hub-c', 'hub-d'),
};

const PATH: MeasureInput = {
  nodes: ['a', 'b', 'c', 'd', 'e'],
  edges: edges('a-b', 'b-c', 'c-d', 'd-e'),
};

/** Two cliques of four, joined by one bridge between a4 and b1. */
const BRIDGED: MeasureInput = {
  nodes: ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'],
  edges: edges(
    'a1-a2',
    'a1-a3',
    'a1-a4',
    'a2-a3',
    'a2-a4',
    'a3-a4',
    'b1-b2',
    'b1-b3',
    'b1-b4',
    'b2-b3',
    'b2-b4',
    'b3-b4',
    'a4-b1',
  ),
};

describe('measures of a star', () => {
  const measures = computeMeasures(STAR);

  it('gives the hub every tie and every shortest path between two leaves', () => {
    expect(measures.get('hub')).toMatchObject({ degree: 4, weightedDegree: 4, betweenness: 1 });
    for (const leaf of ['a', 'b', 'c', 'd'])
      expect(measures.get(leaf)).toMatchObject({ degree: 1, betweenness: 0 });
  });

  it('ranks the hub first by PageRank, the leaves equal, the ranks summing to 1', () => {
    const ranks = rankBy(measures, 'pagerank', 5);
    expect(ranks[0]?.id).toBe('hub');
    const leaves = ranks.slice(1).map((rank) => rank.value);
    for (const value of leaves) expect(value).toBeCloseTo(leaves[0] ?? 0, 9);
    expect((ranks[0]?.value ?? 0) > (leaves[0] ?? 1)).toBe(true);
    expect(ranks.reduce((sum, rank) => sum + rank.value, 0)).toBeCloseTo(1, 6);
  });
});

describe('measures of a path', () => {
  const measures = computeMeasures(PATH);

  it('counts the pairs each inner entity lies between, normalised by the pairs there are', () => {
    // c lies between 4 of the 6 pairs of the others, b and d between 3: 2 * pairs / (4 * 3).
    expect(measures.get('c')?.betweenness).toBeCloseTo(8 / 12, 9);
    expect(measures.get('b')?.betweenness).toBeCloseTo(6 / 12, 9);
    expect(measures.get('d')?.betweenness).toBeCloseTo(6 / 12, 9);
    expect(measures.get('a')?.betweenness).toBe(0);
    expect(measures.get('a')?.degree).toBe(1);
    expect(measures.get('c')?.degree).toBe(2);
  });

  it('ranks by betweenness highest first, ties by id', () => {
    expect(rankBy(measures, 'betweenness', 3).map((rank) => rank.id)).toEqual(['c', 'b', 'd']);
  });
});

describe('measures of two cliques joined by one bridge', () => {
  const measures = computeMeasures(BRIDGED);

  it('gives the bridge’s two ends the top betweenness', () => {
    const top = rankBy(measures, 'betweenness', 2).map((rank) => rank.id);
    expect(top.sort()).toEqual(['a4', 'b1']);
    const inner = measures.get('a1')?.betweenness ?? 1;
    expect((measures.get('a4')?.betweenness ?? 0) > inner).toBe(true);
  });

  it('finds the two cliques as the two communities, numbered the same on every run', () => {
    const community = (id: string) => measures.get(id)?.community;
    expect(new Set(BRIDGED.nodes.map(community)).size).toBe(2);
    for (const id of ['a2', 'a3', 'a4']) expect(community(id)).toBe(community('a1'));
    for (const id of ['b2', 'b3', 'b4']) expect(community(id)).toBe(community('b1'));
    expect(community('a1')).toBe(0);
    expect(computeMeasures(BRIDGED)).toEqual(measures);
  });
});

describe('the graph measured', () => {
  it('counts several relationships between two entities once in degree, each in weighted degree', () => {
    const measures = computeMeasures({ nodes: ['a', 'b'], edges: edges('a-b', 'b-a', 'a-b') });
    expect(measures.get('a')).toMatchObject({ degree: 1, weightedDegree: 3 });
  });

  it('leaves out relationships to itself and to entities not given', () => {
    const measures = computeMeasures({ nodes: ['a', 'b'], edges: edges('a-a', 'a-b', 'a-z') });
    expect(measures.get('a')).toMatchObject({ degree: 1, weightedDegree: 1 });
    expect(measures.has('z')).toBe(false);
  });

  it('measures entities without relationships as alone in their own communities', () => {
    const measures = computeMeasures({ nodes: ['a', 'b'], edges: [] });
    expect(measures.get('a')).toMatchObject({ degree: 0, betweenness: 0 });
    expect(measures.get('a')?.community).not.toBe(measures.get('b')?.community);
    expect(computeMeasures({ nodes: [], edges: [] }).size).toBe(0);
  });

  it('prices the work as one search per entity over every entity and tie', () => {
    expect(measureWork(1000, 3000)).toBe(4_000_000);
  });
});
