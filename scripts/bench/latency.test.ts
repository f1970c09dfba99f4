import { describe, expect, it } from 'vitest';
import { type Block, percentile, ratioInterval } from './latency.ts';

const block = (latencies: number[]): Block => ({ latencies, elapsedMs: 0, errors: [] });

describe('percentile', () => {
  it('takes the nearest rank, and 0 of nothing', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 100)).toBe(5);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('ratioInterval', () => {
  // Rounds whose speed differs tenfold, as when other work lands on the machine now and then.
  const rounds = Array.from({ length: 20 }, (_, r) => 1 + (r % 10));
  const side = (factor: number) =>
    rounds.map((scale, r) =>
      block(Array.from({ length: 50 }, (_, i) => factor * scale * (1 + ((i * 7 + r) % 13) / 26))),
    );

  it('is exactly 1 for two sides that answered alike', () => {
    expect(ratioInterval(side(1), side(1), 50)).toEqual([1, 1]);
  });

  it('stays narrow around the true ratio when slow rounds slow both sides', () => {
    const [low, high] = ratioInterval(side(1.5), side(1), 50);
    expect(low).toBeGreaterThan(1.35);
    expect(high).toBeLessThan(1.65);
    expect(low).toBeLessThanOrEqual(1.5);
    expect(high).toBeGreaterThanOrEqual(1.5);
  });

  it('gives the same interval for the same latencies', () => {
    expect(ratioInterval(side(1.2), side(1), 95)).toEqual(ratioInterval(side(1.2), side(1), 95));
  });

  it('widens when the sides differ from round to round', () => {
    const noisy = side(1).map((b, r) => block(b.latencies.map((l) => l * (r % 2 ? 1.6 : 1))));
    const [low, high] = ratioInterval(noisy, side(1), 50);
    expect(high - low).toBeGreaterThan(0.1);
  });
});
