import { describe, expect, it } from 'vitest';
import { createProgressReporter, duration, paceOf, progressLine } from './progress.ts';

/** A stream that is not a terminal, keeping what is written. */
function pipe() {
  const lines: string[] = [];
  const stream = {
    isTTY: false,
    write: (text: string) => {
      lines.push(text);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, lines };
}

describe('progress off a terminal', () => {
  it('prints a phase when it begins and when it ends, and nothing between within the interval', () => {
    const { stream, lines } = pipe();
    const progress = createProgressReporter({ stream, intervalMs: 60_000 });
    for (let done = 0; done <= 300_000; done += 10_000) {
      progress.update({ phase: 'writing relationships', done, total: 300_000 });
    }
    progress.update({ phase: 'writing entities', done: 5, total: 10 });
    expect(lines).toEqual([
      'writing relationships: 0/300,000 (0 %)\n',
      'writing relationships: 300,000/300,000 (100 %)\n',
      'writing entities: 5/10 (50 %)\n',
    ]);
  });

  it('prints every report when the interval is 0', () => {
    const { stream, lines } = pipe();
    const progress = createProgressReporter({ stream, intervalMs: 0 });
    for (const done of [1, 2, 3]) progress.update({ phase: 'x', done, total: 3 });
    expect(lines).toHaveLength(3);
  });

  it('with quiet (--json) / prints nothing', () => {
    const { stream, lines } = pipe();
    const progress = createProgressReporter({ stream, quiet: true, intervalMs: 0 });
    progress.update({ phase: 'x', done: 1, total: 2 });
    progress.stop();
    expect(lines).toEqual([]);
  });
});

describe('progressLine', () => {
  it('adds the rate and the time left once there is a pace, not at the end', () => {
    const pace = paceOf({ phase: 'writing relationships', done: 50_000, total: 300_000 }, 4000);
    expect(pace).toEqual({ perSecond: 12_500, etaSeconds: 20 });
    expect(
      progressLine({ phase: 'writing relationships', done: 50_000, total: 300_000 }, pace),
    ).toBe('writing relationships: 50,000/300,000 (16 %), 12,500/s, 20 s left');
    expect(progressLine({ phase: 'x', done: 3, total: 3 }, pace)).toBe('x: 3/3 (100 %)');
    expect(paceOf({ phase: 'x', done: 10, total: 20 }, 500)).toBeUndefined();
  });

  it('reads durations in the largest two units', () => {
    expect(duration(12.4)).toBe('12 s');
    expect(duration(185)).toBe('3 min 05 s');
    expect(duration(3720)).toBe('1 h 02 min');
  });

  it('reads as phase, counts and whole percent', () => {
    expect(progressLine({ phase: 'writing entities', done: 1234, total: 5000 })).toBe(
      'writing entities: 1,234/5,000 (24 %)',
    );
  });
});
