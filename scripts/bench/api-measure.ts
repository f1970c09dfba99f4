// The API benchmark's measurement: each workload's sides in blocks that take turns, after a
// warm-up, with the CPU each process spends; and the fixed cost of a request that reads nothing.

import type { Graphql } from './api-http.ts';
import type { Floor, Outcome } from './api-report.ts';
import type { Workload } from './api-workloads.ts';
import { addCpu, type CpuReading, perRequest } from './cpu.ts';
import {
  type Block,
  ratioInterval,
  runBlock,
  runRounds,
  type Summary,
  summarize,
  warmUp,
} from './latency.ts';

/**
 * Warm-up before timing, every side in turn: the servers are fresh processes whose code V8
 * has not yet optimised, and Neo4j, just loaded, answers several times slower until the JVM has
 * compiled its read paths. It runs at least `minMs` and until every side's median settles.
 */
export const WARM_UP = {
  block: 50,
  window: 4,
  minMs: 20_000,
  maxMs: 90_000,
  tolerance: 0.1,
};
/** The command-line defaults of the benchmarks that send load: graph size, requests, concurrency. */
export const LOAD_DEFAULTS = {
  entities: 100_000,
  seed: 1,
  requests: 1000,
  concurrency: 4,
  'cap-seconds': 60,
};
/** Requests of the fixed-cost measurement: each is cheap, and /proc counts CPU in 10 ms ticks. */
const FLOOR_REQUESTS = 5000;
/** Requests per block; the sides' blocks take turns, so drift hits every side alike. */
export const BLOCK = 50;
/** Inputs whose answers are compared across the sides before timing. */
const CHECKED = 20;
export interface MeasureOptions {
  requests: number;
  concurrency: number;
  capMs: number;
  cpu: () => CpuReading;
}

/** The sides' blocks in rounds (latency.ts runRounds) and the CPU each side used, per process. */
export async function timedRounds<I>(
  inputs: readonly I[],
  sides: readonly ((input: I) => Promise<unknown>)[],
  options: MeasureOptions & { block: number },
): Promise<{ blocks: Block[][]; cpu: CpuReading[]; capped: boolean }> {
  const cpu: CpuReading[] = sides.map(() => ({}));
  const { blocks, capped } = await runRounds(inputs, sides, {
    ...options,
    around: (side) => {
      const before = options.cpu();
      return () => addCpu(cpu[side] as CpuReading, before, options.cpu());
    },
  });
  return { blocks, cpu, capped };
}

export async function measure<I>(
  workload: Workload<I>,
  options: MeasureOptions,
  log: (line: string) => void,
): Promise<Outcome> {
  const mismatches: string[] = [];
  const errors: string[] = [];
  for (const input of workload.inputs.slice(0, CHECKED)) {
    const answers = await Promise.allSettled(
      [workload.api, workload.plain, workload.direct].map((call) => call(input)),
    );
    const [api, plain, direct] = answers.map((r) => (r.status === 'fulfilled' ? r.value : null));
    for (const r of answers) if (r.status === 'rejected') errors.push(String(r.reason));
    if (api !== null && plain !== null && direct !== null && (api !== direct || plain !== direct)) {
      mismatches.push(
        `${JSON.stringify(input)}: GraphQL ${api} / plain HTTP ${plain} / direct ${direct}`,
      );
    }
  }
  const sides = [workload.api, workload.plain, workload.direct];
  const warm = await warmUp(workload.inputs, sides, {
    ...WARM_UP,
    concurrency: options.concurrency,
  });
  const { blocks, cpu, capped } = await timedRounds(workload.inputs, sides, {
    ...options,
    block: BLOCK,
  });
  if (capped) log(`  ${workload.name}: stopped at the time cap`);
  errors.push(...blocks.flat().flatMap((b) => b.errors));
  const [api, plain, direct] = blocks.map(summarize) as [Summary, Summary, Summary];
  const [apiBlocks, , directBlocks] = blocks as [Block[], Block[], Block[]];
  const [apiCpu, plainCpu, directCpu] = cpu as [CpuReading, CpuReading, CpuReading];
  return {
    name: workload.name,
    api,
    plain,
    direct,
    p50Interval: ratioInterval(apiBlocks, directBlocks, 50),
    cpu: {
      api: perRequest(apiCpu, api.requests + api.errors),
      plain: perRequest(plainCpu, plain.requests + plain.errors),
      direct: perRequest(directCpu, direct.requests + direct.errors),
    },
    warmUp: warm,
    mismatches,
    errors,
  };
}

/**
 * The fixed cost of one request through the same server at the same concurrency: HTTP, Yoga,
 * parsing, validation and JSON around a query that reads no data.
 */
export async function measureFloor(graphql: Graphql, options: MeasureOptions): Promise<Floor> {
  const send = () => graphql('query Floor { __typename }', {});
  const run = { concurrency: options.concurrency, offset: 0 };
  // Warmed up like the workloads: a few hundred requests leave it at twice its settled cost.
  const warm = await warmUp([null], [send], { ...WARM_UP, concurrency: options.concurrency });
  const before = options.cpu();
  const block = await runBlock([null], send, {
    ...run,
    count: FLOOR_REQUESTS,
    deadline: performance.now() + options.capMs,
  });
  const total: CpuReading = {};
  addCpu(total, before, options.cpu());
  const summary = summarize([block]);
  return { summary, cpu: perRequest(total, summary.requests), warmUp: warm };
}
