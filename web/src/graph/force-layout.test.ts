import { describe, expect, it } from 'vitest';
import { forcePositions } from './force-layout.ts';

/** Two rings of 30 nodes each, joined by one edge: a layout should keep each ring together. */
function twoRings(): Uint32Array {
  const pairs: number[] = [];
  for (const offset of [0, 30]) {
    for (let i = 0; i < 30; i += 1) pairs.push(offset + i, offset + ((i + 1) % 30));
  }
  pairs.push(0, 30);
  return Uint32Array.from(pairs);
}

const at = (positions: Float64Array, i: number) => ({
  x: positions[i * 2] as number,
  y: positions[i * 2 + 1] as number,
});
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('forcePositions', () => {
  it('gives every node a finite position, no two the same', () => {
    const positions = forcePositions({ nodeCount: 60, edges: twoRings(), fixed: [], seed: 1 });
    expect(positions).toHaveLength(120);
    expect([...positions].every(Number.isFinite)).toBe(true);
    const points = new Set(
      Array.from({ length: 60 }, (_, i) => `${at(positions, i).x},${at(positions, i).y}`),
    );
    expect(points.size).toBe(60);
  });

  it('draws related nodes much nearer each other than nodes at large', () => {
    const edges = twoRings();
    const positions = forcePositions({ nodeCount: 60, edges, fixed: [], seed: 1 });
    const mean = (pairs: [number, number][]) =>
      pairs.reduce((sum, [a, b]) => sum + distance(at(positions, a), at(positions, b)), 0) /
      pairs.length;
    const related = Array.from({ length: edges.length / 2 }, (_, i): [number, number] => [
      edges[i * 2] as number,
      edges[i * 2 + 1] as number,
    ]);
    const all = Array.from({ length: 60 * 59 }, (_, k): [number, number] => [
      Math.floor(k / 59),
      (Math.floor(k / 59) + 1 + (k % 59)) % 60,
    ]);
    // A random spread would put the two means about level.
    expect(mean(related)).toBeLessThan(mean(all) / 2);
  });

  it('leaves a fixed node where it is', () => {
    const positions = forcePositions({
      nodeCount: 60,
      edges: twoRings(),
      fixed: [{ index: 5, x: 1234, y: -567 }],
      seed: 1,
    });
    expect(at(positions, 5)).toEqual({ x: 1234, y: -567 });
  });

  it('repeats itself for the same seed', () => {
    const input = () => ({ nodeCount: 60, edges: twoRings(), fixed: [], seed: 7 });
    expect(forcePositions(input())).toEqual(forcePositions(input()));
  });
});
