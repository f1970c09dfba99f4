// Latency helpers for the benchmarks: a bounded load loop, the percentiles it reports, and how
// sure a ratio of two sides' percentiles is.

import { seededRandom } from '../../server/src/domain/seeded-random.ts';

/** The value below which `p` percent of the samples lie (nearest rank); 0 when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

export interface Block {
  /** Milliseconds per successful request. */
  latencies: number[];
  /** Wall-clock milliseconds the block took, for requests per second. */
  elapsedMs: number;
  errors: string[];
}

export interface BlockOptions {
  /** Requests to send; the i-th uses input `offset + i` (modulo the inputs). */
  count: number;
  offset: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** No request starts after this time (performance.now()). */
  deadline: number;
}

/** Sends `count` requests, `concurrency` at a time, timing each; failures are kept, not thrown. */
export async function runBlock<I>(
  inputs: readonly I[],
  send: (input: I) => Promise<unknown>,
  options: BlockOptions,
): Promise<Block> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.count && performance.now() < options.deadline) {
      const input = inputs[(options.offset + next) % inputs.length] as I;
      next += 1;
      const start = performance.now();
      try {
        await send(input);
        latencies.push(performance.now() - start);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { latencies, elapsedMs: performance.now() - start, errors };
}

/**
 * A 95 % interval for percentile `p` of side `a` over that of side `b`, by resampling rounds:
 * `a[r]` and `b[r]` are the blocks the two sides ran in round r, one after the other, so a round
 * drawn keeps both sides' blocks, and whatever slowed the machine then slows both. Resamples
 * come from a fixed seed, so the same latencies give the same interval.
 */
export function ratioInterval(
  a: readonly Block[],
  b: readonly Block[],
  p: number,
  resamples = 1000,
): [number, number] {
  const rounds = Math.min(a.length, b.length);
  if (rounds === 0) return [0, 0];
  const rng = seededRandom(rounds);
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i += 1) {
    const drawn = Array.from({ length: rounds }, () => Math.floor(rng() * rounds));
    const pa = percentile(
      drawn.flatMap((r) => a[r]?.latencies ?? []),
      p,
    );
    const pb = percentile(
      drawn.flatMap((r) => b[r]?.latencies ?? []),
      p,
    );
    if (pb > 0) ratios.push(pa / pb);
  }
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}

export interface Summary {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  perSecond: number;
}

export function summarize(blocks: readonly Block[]): Summary {
  const latencies = blocks.flatMap((block) => block.latencies);
  const elapsedMs = blocks.reduce((sum, block) => sum + block.elapsedMs, 0);
  return {
    requests: latencies.length,
    errors: blocks.reduce((sum, block) => sum + block.errors.length, 0),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    perSecond: elapsedMs > 0 ? latencies.length / (elapsedMs / 1000) : 0,
  };
}

export interface WarmUpOptions {
  concurrency: number;
  /** Requests per block; the sides take turns, one block each. */
  block: number;
  /** Rounds per window: a window's median is compared with the one before it. */
  window: number;
  /** Keep going at least this long, whatever the medians say. */
  minMs: number;
  /** And stop at this, settled or not. */
  maxMs: number;
  /** Two windows in a row whose medians differ by at most this fraction, on every side. */
  tolerance: number;
}

export interface WarmUp {
  /** Requests per side. */
  requests: number;
  elapsedMs: number;
  settled: boolean;
}

/**
 * Runs the sides in turns until each one's median latency stops moving: a database that has just
 * started (or just been loaded) answers several times slower until its JIT compiler has done its
 * work, and a benchmark should report the state a running service is in.
 */
export async function warmUp<I>(
  inputs: readonly I[],
  sides: readonly ((input: I) => Promise<unknown>)[],
  options: WarmUpOptions,
): Promise<WarmUp> {
  const start = performance.now();
  const deadline = start + options.maxMs;
  let requests = 0;
  let previous: number[] | undefined;
  while (performance.now() < deadline) {
    const windows = sides.map(() => [] as number[]);
    for (let round = 0; round < options.window; round += 1) {
      for (const [i, side] of sides.entries()) {
        const run = { ...options, count: options.block, offset: requests, deadline };
        windows[i]?.push(...(await runBlock(inputs, side, run)).latencies);
      }
      requests += options.block;
    }
    const medians = windows.map((latencies) => percentile(latencies, 50));
    const elapsedMs = performance.now() - start;
    const steady =
      previous !== undefined &&
      medians.every((median, i) => {
        const before = previous?.[i] ?? 0;
        return before > 0 && Math.abs(median - before) <= options.tolerance * before;
      });
    if (steady && elapsedMs >= options.minMs) return { requests, elapsedMs, settled: true };
    previous = medians;
  }
  return { requests, elapsedMs: performance.now() - start, settled: false };
}

export interface RoundsOptions {
  /** Requests per side in all; whole rounds only, so every side answers the same inputs. */
  requests: number;
  /** Requests per block. */
  block: number;
  concurrency: number;
  /** No round starts after this many milliseconds; none runs past twice it. */
  capMs: number;
  /** Called as a side's block starts; what it returns is called as the block ends. */
  around?: (side: number) => () => void;
}

/**
 * Sends the sides' blocks in turns, round after round, so drift hits every side alike; which
 * side goes first rotates, so none always follows another's cache effects. `blocks[side][round]`
 * is what `ratioInterval` resamples.
 */
export async function runRounds<I>(
  inputs: readonly I[],
  sides: readonly ((input: I) => Promise<unknown>)[],
  options: RoundsOptions,
): Promise<{ blocks: Block[][]; capped: boolean }> {
  const deadline = performance.now() + options.capMs;
  const block = { concurrency: options.concurrency, deadline: deadline + options.capMs };
  const blocks: Block[][] = sides.map(() => []);
  let done = 0;
  for (let round = 0; done < options.requests && performance.now() < deadline; round += 1) {
    const run = { ...block, count: Math.min(options.block, options.requests - done), offset: done };
    for (let turn = 0; turn < sides.length; turn += 1) {
      const i = (round + turn) % sides.length;
      const after = options.around?.(i);
      blocks[i]?.push(await runBlock(inputs, sides[i] as (input: I) => Promise<unknown>, run));
      after?.();
    }
    done += run.count;
  }
  return { blocks, capped: done < options.requests };
}
