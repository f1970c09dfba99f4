// As-of benchmark: `npm run bench:as-of [-- --entities N --requests N --concurrency N]`. Seeds the
// synthetic graph into the `bench` Neo4j (wiped first) and, in the same run, calls the
// repository's as-of neighbourhood and paths two ways: as they are, and with the Cypher they had
// before relationships carried a status history. Writes the as-of section of docs/BENCHMARKS.md.

import { loadConfig } from '../../server/src/config.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { runningPid } from '../neo4j/server.ts';
import { BLOCK, LOAD_DEFAULTS, type MeasureOptions, timedRounds, WARM_UP } from './api-measure.ts';
import { ms, ratio, verdict } from './api-report.ts';
import {
  HUBS,
  INPUTS,
  NEIGHBORHOOD_LIMIT,
  PATH_LIMIT,
  PATH_MAX_LENGTH,
  pickInputs,
} from './api-workloads.ts';
import { wholeNumberOptions } from './args.ts';
import { type AsOfWorkload, PATHS_BLOCK, workloads, YEARS } from './as-of-workloads.ts';
import { seedSyntheticGraph, startBenchNeo4j } from './bench-neo4j.ts';
import { cpuMeter, perRequest } from './cpu.ts';
import { ratioInterval, type Summary, summarize, type WarmUp, warmUp } from './latency.ts';
import { machine, writeSection } from './report.ts';

/** The goal: as-of answers no more than 10 % slower than before status histories (p50). */
const GOAL = 1.1;
/** Inputs whose answers are compared across the sides before timing. */
const CHECKED = 20;
/** Five workloads, each warmed up for at most this long, keep the run well under half an hour. */
const WARM_UP_MAX_MS = 60_000;

interface Outcome {
  name: string;
  after: Summary;
  before: Summary;
  /** 95 % interval of after p50 / before p50, from resampling the rounds (latency.ts). */
  p50Interval: [number, number];
  /** Neo4j's CPU milliseconds per request, each side. */
  neo4jCpu: { after: number; before: number };
  warmUp: WarmUp;
  /** Of the inputs compared, those whose answers (counts, path lengths) differ. */
  differ: number;
  checked: number;
  errors: string[];
}

async function measure<I>(
  workload: AsOfWorkload<I>,
  options: MeasureOptions,
  log: (line: string) => void,
): Promise<Outcome> {
  const errors: string[] = [];
  const inputs = workload.inputs.slice(0, CHECKED);
  let differ = 0;
  for (const input of inputs) {
    const [after, before] = await Promise.allSettled([
      workload.after(input),
      workload.before(input),
    ]);
    for (const r of [after, before]) if (r.status === 'rejected') errors.push(String(r.reason));
    if (
      after?.status === 'fulfilled' &&
      before?.status === 'fulfilled' &&
      after.value !== before.value
    )
      differ += 1;
  }
  const sides = [workload.after, workload.before];
  const warm = await warmUp(workload.inputs, sides, {
    ...WARM_UP,
    block: workload.block,
    maxMs: WARM_UP_MAX_MS,
    concurrency: options.concurrency,
  });
  const { blocks, cpu, capped } = await timedRounds(workload.inputs, sides, {
    ...options,
    block: workload.block,
  });
  if (capped) log(`  ${workload.name}: stopped at the time cap`);
  errors.push(...blocks.flat().flatMap((b) => b.errors));
  const [afterBlocks = [], beforeBlocks = []] = blocks;
  const after = summarize(afterBlocks);
  const before = summarize(beforeBlocks);
  const neo4j = (side: number, summary: Summary) =>
    perRequest(cpu[side] ?? {}, summary.requests + summary.errors).neo4j ?? 0;
  return {
    name: workload.name,
    after,
    before,
    p50Interval: ratioInterval(afterBlocks, beforeBlocks, 50),
    neo4jCpu: { after: neo4j(0, after), before: neo4j(1, before) },
    warmUp: warm,
    differ,
    checked: inputs.length,
    errors,
  };
}

function table(outcomes: Outcome[]): string[] {
  const rows = outcomes.map((o) => {
    const [low, high] = o.p50Interval;
    return `| ${o.name} | ${o.after.requests} / ${o.before.requests} | ${ms(o.before.p50)} | ${ms(o.after.p50)} | ${ratio(o.after.p50, o.before.p50)} | ${low.toFixed(2)}–${high.toFixed(2)} | ${ms(o.before.p95)} | ${ms(o.after.p95)} | ${ratio(o.after.p95, o.before.p95)} | ${ms(o.neo4jCpu.before, 2)} | ${ms(o.neo4jCpu.after, 2)} | ${o.differ} of ${o.checked} | ${verdict(o.after.p50, o.before.p50, o.p50Interval, GOAL)} |`;
  });
  return [
    `| workload | requests (after / before) | before p50 ms | after p50 ms | p50 ratio | p50 ratio, 95 % interval | before p95 ms | after p95 ms | p95 ratio | before: Neo4j CPU ms | after: Neo4j CPU ms | answers that differ | p50 within ${GOAL}x |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ];
}

const fmt = (n: number) => n.toLocaleString('en-GB');

async function main() {
  const {
    entities,
    seed,
    requests,
    concurrency,
    'cap-seconds': capSeconds,
  } = wholeNumberOptions({ ...LOAD_DEFAULTS, concurrency: 2 });
  const log = (line: string) => console.log(line);
  // The server's limit for one transaction, so a query that would fail there fails here too.
  const { settings, db, stop } = await startBenchNeo4j(log, loadConfig({}).queryTimeoutMs);
  try {
    const loaded = await seedSyntheticGraph(db, { entities, seed }, log);
    const [counts] = await db.read<{ histories: number }>(
      'MATCH ()-[r]->() WHERE r.phaseDays IS NOT NULL RETURN count(r) AS histories',
    );
    const inputs = await pickInputs(db, seed);
    const cpu = cpuMeter({ neo4j: runningPid(settings) ?? 0 });
    const options = { requests, concurrency, capMs: capSeconds * 1000, cpu };
    const outcomes: Outcome[] = [];
    for (const workload of workloads(db, inputs, seed)) {
      log(`Measuring ${workload.name} ...`);
      outcomes.push(await measure(workload, options, log));
    }
    const lines = table(outcomes);
    const missed = outcomes.filter((o) => o.after.p50 > GOAL * o.before.p50).map((o) => o.name);
    const warmUps = outcomes
      .map(
        (o) =>
          `${o.name} ${Math.round(o.warmUp.elapsedMs / 1000)} s (${fmt(o.warmUp.requests)} requests a side, ${o.warmUp.settled ? 'settled' : 'not settled'})`,
      )
      .join('; ');
    writeSection(
      'as-of',
      `## As of a date

\`npm run bench:as-of -- --entities ${entities} --requests ${requests} --concurrency ${concurrency}\`
(scripts/bench/as-of.ts) — synthetic graph, ${fmt(loaded.entities)} entities and
${fmt(loaded.relationships)} relationships (seed ${seed}), ${fmt(counts?.histories ?? 0)} of them with a status history, on the \`bench\` Neo4j.
Each workload asks about one day per input, drawn from ${YEARS[0]} to ${YEARS[1]}, through the
repository function the resolver uses (no HTTP, no GraphQL), two ways against the same database in the same run:
"after" is the function as it is; "before" is the same function with its Cypher as it was before
relationships carried a status history (scripts/bench/as-of-workloads.ts builds it from today's
text by putting back the old relationship filter, which compared the one stored \`status\`, and
taking out the test that an entity exists at the date and the read of \`history\`, which gives
the queries of commit 8ac3fb3).

- neighborhood: \`neighborhood(ids: [id], depth, limit: ${NEIGHBORHOOD_LIMIT}, asOf)\` (hub cap ${HUB_CAP}) from ${INPUTS} start
  nodes, one in ten among the ${HUBS} best-connected (largest degree ${fmt(inputs.maxDegree)}), with and without
  \`statuses: [ACTIVE]\` (after: active at that day; before: stored as active).
- paths: \`paths(from, to, maxLength: ${PATH_MAX_LENGTH}, limit: ${PATH_LIMIT}, asOf)\` between ${inputs.pairs.length} pairs two hops apart.

Each side gets ${requests} requests at ${concurrency} in flight, in blocks that take turns (${BLOCK} requests;
paths ${PATHS_BLOCK}), no new block after ${capSeconds} s per workload, after a warm-up that is
not counted (both sides in turns for at least ${WARM_UP.minMs / 1000} s and until each side's median moves by at most
${WARM_UP.tolerance * 100} % from one window to the next, at most ${WARM_UP_MAX_MS / 1000} s). Goal: as-of answers no more than
10 % slower than before, after p50 / before p50 ≤ ${GOAL}. The 95 % interval of the p50 ratio comes from
resampling the rounds 1000 times (each round's two blocks drawn together); where it reaches across
${GOAL}, the verdict is marked "within noise". Neo4j CPU is milliseconds per request, read from /proc
around each block. "Answers that differ" counts, of the first ${CHECKED} inputs, those where the two sides
answer with other node, edge or hub counts (or path lengths), because the old Cypher took in
entities not yet founded, or relationships by a status they did not have then.

${lines.join('\n')}

${missed.length > 0 ? `Goal not met: ${missed.join('; ')} (p50 more than ${Math.round((GOAL - 1) * 100)} % slower).` : 'Goal met on every workload.'}

Warm-up: ${warmUps}.

How the queries got here. A first version tested that each neighbour exists at the date
everywhere the neighbourhood matched a relationship, hubs' counts included; measured as above,
depth 2 without \`statuses\` was 1.15x before (95 % interval 1.04–1.29, not met), with Neo4j CPU per
request 19.05 -> 25.64 ms. PROFILE on this graph (database hits summed over the first 40 start nodes
at depth 2, each at its own day, without \`statuses\`): the old query 924,990, that version
1,171,806 (+27 %), nearly all of it in reading the neighbour's \`validFrom\` and \`validTo\` for rows
that count every relationship of the hubs on the frontier (twice: the total, then the counts per
type). Testing the entity later saved nothing, since nearly every row passes the relationship's own
date test: the entity test as one CASE the planner cannot split made 1,337,453 hits, inside a CASE
that runs only after the relationship filter 1,234,464. Skipping the hub counts of nodes whose
degree is at most the hub cap saved little (918,485 before / 1,163,884 after). What the table
measures: hubs' counts leave the entity test out (a relationship valid at a date almost always has
both ends then, and the count only says how many more there are), while every relationship
followed keeps it. Counting a hub's relationships once, by type, with the total as their sum, would
take both sides to 544,573 / 668,883 hits, a change to hub counting of its own.

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    );
    console.log(lines.join('\n'));
    for (const outcome of outcomes) {
      const distinct = [...new Set(outcome.errors)];
      for (const error of distinct.slice(0, 5)) console.log(`${outcome.name}: error: ${error}`);
      if (outcome.errors.length > 0) process.exitCode = 1;
    }
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
