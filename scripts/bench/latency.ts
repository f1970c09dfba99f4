// Latency helpers for the benchmarks: a bounded load loop and the percentiles it reports.

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
