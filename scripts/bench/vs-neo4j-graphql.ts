// Benchmark against @neo4j/graphql: `npm run bench:vs-neo4j-graphql [-- --entities N
// --requests N --concurrency N]`. Seeds the synthetic graph into the `bench` Neo4j as
// bench:api does, starts Entente's production server and a server of @neo4j/graphql's generated
// schema over the same database (vs-neo4j-graphql-server.ts), each in a process of its own, and
// asks both the same questions in turns, after checking their answers equal. Writes the section
// "Against @neo4j/graphql" of docs/BENCHMARKS.md.

import { cpus } from 'node:os';
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { RELATIONSHIP_TYPES } from '../../server/src/domain/relationship-types.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { runningPid, stopNeo4j } from '../neo4j/server.ts';
import type { Graphql, ServerProcess } from './api-http.ts';
import { BLOCK, LOAD_DEFAULTS, type MeasureOptions, timedRounds, WARM_UP } from './api-measure.ts';
import { ms, ratio } from './api-report.ts';
import { wholeNumberOptions } from './args.ts';
import { keptSyntheticGraph, seedSyntheticGraph, startKeptBenchNeo4j } from './bench-neo4j.ts';
import { type CpuReading, cpuMeter, perRequest } from './cpu.ts';
import { type Summary, summarize, type WarmUp, warmUp } from './latency.ts';
import { machine, writeSection } from './report.ts';
import { CHECKED, compareAnswers, startSides } from './vs-neo4j-graphql-sides.ts';
import {
  FEW_TYPES,
  INPUTS,
  PAGE,
  PAGES_DEEP,
  pickInputs,
  type Question,
  questions,
} from './vs-neo4j-graphql-workloads.ts';

/** The goal: Entente's requests per second at least this many times @neo4j/graphql's. */
const GOAL = 2;

const fmt = (n: number) => n.toLocaleString('en-GB');
/** @neo4j/graphql's relationship fields on an entity: one per type each way. */
const FIELDS = RELATIONSHIP_TYPES.length * 2;

interface Outcome {
  name: string;
  entente: Summary;
  neo4jGraphql: Summary;
  cpu: { entente: CpuReading; neo4jGraphql: CpuReading };
  warmUp: WarmUp;
  errors: string[];
}

async function measure<I>(question: Question<I>, options: MeasureOptions): Promise<Outcome> {
  const sides = [question.entente, question.neo4jGraphql];
  const warm = await warmUp(question.inputs, sides, {
    ...WARM_UP,
    concurrency: options.concurrency,
  });
  const { blocks, cpu } = await timedRounds(question.inputs, sides, { ...options, block: BLOCK });
  const [entente, neo4jGraphql] = blocks.map(summarize) as [Summary, Summary];
  const [ententeCpu, otherCpu] = cpu as [CpuReading, CpuReading];
  return {
    name: question.name,
    entente,
    neo4jGraphql,
    cpu: {
      entente: perRequest(ententeCpu, entente.requests + entente.errors),
      neo4jGraphql: perRequest(otherCpu, neo4jGraphql.requests + neo4jGraphql.errors),
    },
    warmUp: warm,
    errors: blocks.flat().flatMap((block) => block.errors),
  };
}

function latencyTable(outcomes: Outcome[]): string[] {
  return [
    `| workload | Entente p50 ms | Entente p95 ms | Entente req/s | @neo4j/graphql p50 ms | @neo4j/graphql p95 ms | @neo4j/graphql req/s | req/s, Entente / @neo4j/graphql | at least ${GOAL}x |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...outcomes.map(({ name, entente: a, neo4jGraphql: b }) => {
      const met = b.perSecond > 0 && a.perSecond / b.perSecond >= GOAL;
      return `| ${name} | ${ms(a.p50)} | ${ms(a.p95)} | ${Math.round(a.perSecond)} | ${ms(b.p50)} | ${ms(b.p95)} | ${Math.round(b.perSecond)} | ${ratio(a.perSecond, b.perSecond)} | ${met ? 'met' : 'not met'} |`;
    }),
  ];
}

function cpuTable(outcomes: Outcome[]): string[] {
  // Each side's own processes and their total: the other server idles meanwhile.
  const side = (cpu: CpuReading, server: string) => {
    const values = ['client', server, 'neo4j'].map((name) => cpu[name] ?? 0);
    return [...values, values.reduce((a, b) => a + b, 0)].map((value) => ms(value, 2));
  };
  return [
    '| workload | Entente: load generator | Entente: server | Entente: Neo4j | Entente: all | @neo4j/graphql: load generator | @neo4j/graphql: server | @neo4j/graphql: Neo4j | @neo4j/graphql: all |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...outcomes.map(
      ({ name, cpu }) =>
        `| ${[name, ...side(cpu.entente, 'entente'), ...side(cpu.neo4jGraphql, 'neo4jGraphql')].join(' | ')} |`,
    ),
  ];
}

const warmUps = (outcomes: Outcome[]) =>
  outcomes
    .map(
      ({ name, warmUp: w }) =>
        `${name} ${Math.round(w.elapsedMs / 1000)} s (${fmt(w.requests)} requests a side, ${w.settled ? 'settled' : 'not settled'})`,
    )
    .join('; ');

async function main() {
  const {
    entities,
    seed,
    requests,
    concurrency,
    'cap-seconds': capSeconds,
  } = wholeNumberOptions(LOAD_DEFAULTS);
  const log = (line: string) => console.log(line);
  const { settings, uri, million } = await startKeptBenchNeo4j(entities, log);
  const neo4jEnv = { NEO4J_URI: uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password };
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', ...neo4jEnv });
  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, { database: config.neo4j.database, timeoutMs: 0 });
  const servers: ServerProcess[] = [];
  const clients: Graphql[] = [];
  try {
    await ensureSchema(db);
    const loaded =
      (million ? await keptSyntheticGraph(db, { entities, seed }, log) : undefined) ??
      (await seedSyntheticGraph(db, { entities, seed }, log));
    const inputs = await pickInputs(db, seed);
    const sides = await startSides(neo4jEnv);
    servers.push(...sides.servers);
    clients.push(sides.entente, sides.neo4jGraphql);
    const [ententeServer, otherServer] = sides.servers as [ServerProcess, ServerProcess];
    const cpu = cpuMeter({
      client: 'self',
      entente: ententeServer.pid,
      neo4jGraphql: otherServer.pid,
      neo4j: runningPid(settings) ?? 0,
    });
    const options = { requests, concurrency, capMs: capSeconds * 1000, cpu };
    const outcomes: Outcome[] = [];
    let mismatched = 0;
    for (const question of questions(sides.entente, sides.neo4jGraphql, inputs)) {
      log(`Checking the answers of ${question.name} ...`);
      const mismatches = await compareAnswers(question);
      for (const line of mismatches.slice(0, 5))
        log(`${question.name}: the answers differ for ${line}`);
      mismatched += mismatches.length;
      log(`Measuring ${question.name} ...`);
      outcomes.push(await measure(question, options));
    }
    const lines = latencyTable(outcomes);
    const kept = million ? ` (kept between runs when it holds the whole graph asked for)` : '';
    writeSection(
      million ? 'million-vs-neo4j-graphql' : 'vs-neo4j-graphql',
      `## ${million ? 'At a million entities: against @neo4j/graphql' : 'Against @neo4j/graphql'}

\`npm run bench:vs-neo4j-graphql -- --entities ${entities} --requests ${requests} --concurrency ${concurrency}\`
(scripts/bench/vs-neo4j-graphql.ts) — synthetic graph, ${fmt(loaded.entities)} entities and
${fmt(loaded.relationships)} relationships (seed ${seed}), on the \`bench\` Neo4j${kept}. The same questions go to
Entente's production-mode server and to what a team would pick instead: @neo4j/graphql 7.6.3's
generated schema and Cypher over the same database, served by graphql-yoga
(scripts/bench/vs-neo4j-graphql-server.ts), each in a process of its own, both through
neo4j-driver with the same settings. Its type definitions (scripts/bench/vs-neo4j-graphql-typedefs.ts)
are derived from the ontology as a user of @neo4j/graphql would write them: an \`Entity\` type with the
stored properties and one \`@relationship\` field per relationship type each way, with a
\`@relationshipProperties\` type, and one type per kind label for pages of a kind.

- entity by id: \`id kind name aliases country\` of ${INPUTS} entities.
- relationships, all types: each relationship's \`id type since until\` and the other end's \`id name\`,
  of ${INPUTS} entities with 1 to ${HUB_CAP} relationships (so both sides answer all of them): Entente's
  \`relationships(first: 100)\`, @neo4j/graphql's ${FIELDS} \`…Connection\` fields, one per type each way.
- relationships, ${FEW_TYPES.length} types: the same for ${FEW_TYPES.join(', ')} (\`types:\` on Entente, ${FEW_TYPES.length * 2} fields on @neo4j/graphql).
- a page of ${PAGE} of one kind, in id order (Entente's order): \`entities(kinds: [kind], first: ${PAGE}, after:)\`
  against \`<kind plural>(sort: [{ id: ASC }], limit: ${PAGE}, offset:)\`, pages among the first ${PAGES_DEEP} of a kind
  (an ID filter of @neo4j/graphql has no greater-than, so its pages go by offset, as its own paging does).
- 1-hop neighbourhood: the neighbours' \`id name kind country\` of the same entities: Entente's
  \`neighborhood(ids: [id], depth: 1)\`, @neo4j/graphql's ${FIELDS} relationship fields with those nested fields.

Answers were checked before timing: on the first ${CHECKED} inputs of each workload both sides'
answers, reduced to sorted ids and fields, were ${mismatched === 0 ? 'equal' : `different for ${mismatched} inputs`}. Each side gets ${requests} requests
at ${concurrency} in flight, in blocks of ${BLOCK} that take turns, no new block after ${capSeconds} s per workload, after a
warm-up that is not counted (both sides in turns, at least ${WARM_UP.minMs / 1000} s and until each side's median settles).
Goal: Entente at least ${GOAL}x @neo4j/graphql's requests per second on each workload.

${lines.join('\n')}

CPU milliseconds per request, by process, read from /proc around each block; the load generator,
both servers and Neo4j share the machine's ${cpus().length} cores:

${cpuTable(outcomes).join('\n')}

Warm-up: ${warmUps(outcomes)}.

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    );
    console.log(lines.join('\n'));
    if (mismatched > 0) process.exitCode = 1;
    for (const outcome of outcomes) {
      for (const error of [...new Set(outcome.errors)].slice(0, 5)) {
        console.log(`${outcome.name}: error: ${error}`);
      }
      if (outcome.errors.length > 0) process.exitCode = 1;
    }
  } finally {
    for (const client of clients) client.close();
    for (const server of servers) await server.stop();
    await driver.close();
    await stopNeo4j(settings, log);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
