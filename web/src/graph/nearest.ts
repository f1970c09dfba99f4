/** A point on the screen, y growing downwards, as Cytoscape renders it. */
export interface Point {
  x: number;
  y: number;
}

/** The four ways an arrow key can point. */
export type Direction = 'left' | 'right' | 'up' | 'down';

const UNIT: Record<Direction, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The candidate nearest `from` in `direction`: first among those within 45° of it, then among
 * any ahead at all. Straying off the axis costs twice as much as distance along it, so the key
 * goes where the eye expects rather than to a closer node off to the side.
 */
export function nearestInDirection<T extends Point>(
  from: Point,
  candidates: readonly T[],
  direction: Direction,
): T | null {
  const unit = UNIT[direction];
  let best: { candidate: T; inCone: boolean; score: number } | null = null;
  for (const candidate of candidates) {
    const dx = candidate.x - from.x;
    const dy = candidate.y - from.y;
    const along = dx * unit.x + dy * unit.y;
    if (along <= 0) continue;
    const across = Math.abs(dx * unit.y - dy * unit.x);
    const inCone = across <= along;
    const score = along + 2 * across;
    if (!best || (inCone && !best.inCone) || (inCone === best.inCone && score < best.score))
      best = { candidate, inCone, score };
  }
  return best?.candidate ?? null;
}

/** The candidate closest to a point, or null when there are none. */
export function nearestTo<T extends Point>(point: Point, candidates: readonly T[]): T | null {
  let best: T | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = Math.hypot(candidate.x - point.x, candidate.y - point.y);
    if (d < distance) [best, distance] = [candidate, d];
  }
  return best;
}
