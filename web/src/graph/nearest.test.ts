import { describe, expect, it } from 'vitest';
import { nearestInDirection, nearestTo } from './nearest.ts';

// A plus sign around the origin, with a far node straight right and a near one off to the side.
const nodes = [
  { id: 'left', x: -100, y: 0 },
  { id: 'right', x: 100, y: 0 },
  { id: 'up', x: 0, y: -100 },
  { id: 'down', x: 0, y: 100 },
  { id: 'far-right', x: 300, y: 10 },
  { id: 'aside', x: 30, y: 60 },
];
const origin = { x: 0, y: 0 };

describe('nearestInDirection', () => {
  it('picks the node each arrow points at, screen y growing downwards', () => {
    expect(nearestInDirection(origin, nodes, 'left')?.id).toBe('left');
    expect(nearestInDirection(origin, nodes, 'right')?.id).toBe('right');
    expect(nearestInDirection(origin, nodes, 'up')?.id).toBe('up');
    expect(nearestInDirection(origin, nodes, 'down')?.id).toBe('down');
  });

  it('when a closer node lies off to the side / prefers the one in line with the arrow', () => {
    const from = { x: 100, y: 0 };
    expect(nearestInDirection(from, nodes, 'right')?.id).toBe('far-right');
  });

  it('when nothing lies within 45° / falls back to any node ahead', () => {
    const from = { x: 0, y: 0 };
    const ahead = [{ id: 'steep', x: 10, y: 200 }];
    expect(nearestInDirection(from, ahead, 'right')?.id).toBe('steep');
  });

  it('when nothing lies ahead / returns null', () => {
    expect(nearestInDirection({ x: 300, y: 10 }, nodes, 'right')).toBeNull();
    expect(nearestInDirection(origin, [], 'up')).toBeNull();
  });
});

describe('nearestTo', () => {
  it('picks the closest node, or null when there are none', () => {
    expect(nearestTo({ x: 25, y: 50 }, nodes)?.id).toBe('aside');
    expect(nearestTo(origin, [])).toBeNull();
  });
});
