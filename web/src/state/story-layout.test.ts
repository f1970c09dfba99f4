import { describe, expect, it } from 'vitest';
import { stepPositions } from './story-layout.ts';

const ids = ['a', 'b', 'c', 'd'];
const edges = [
  { source: 'a', target: 'b' },
  { source: 'b', target: 'c' },
  { source: 'c', target: 'd' },
];

describe("a step's positions", () => {
  it('keeps those the step gives and places every other entity', () => {
    const placed = stepPositions(ids, edges, { a: { x: 10, y: 20 } });
    expect(placed.a).toEqual({ x: 10, y: 20 });
    expect(Object.keys(placed).sort()).toEqual(ids);
    for (const point of Object.values(placed)) {
      expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
    }
    expect(new Set(Object.values(placed).map((p) => `${p.x},${p.y}`)).size).toBe(4);
  });

  it('spreads a step laid out whole so that no two entities crowd each other', () => {
    const placed = Object.values(stepPositions(ids, edges, {}));
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(169);
      }
    }
  });

  it('draws the same step the same way each time', () => {
    expect(stepPositions(ids, edges, {})).toEqual(stepPositions(ids, edges, {}));
  });

  it('uses the given positions alone when the step places everything', () => {
    const given = { a: { x: 0, y: 0 }, b: { x: 1, y: 1 } };
    expect(stepPositions(['a', 'b'], edges, given)).toEqual(given);
  });
});
