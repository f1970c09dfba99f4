// API benchmark: `npm run bench:api [-- --entities N --requests N --concurrency N]`. Seeds the
// synthetic graph into the `bench` Neo4j (wiped first; kept from a million entities when it holds that graph), starts the real HTTP server in a process
// of its own and, in the same run, sends each workload three ways: as a GraphQL request over
// loopback HTTP; as a direct call of the repository function the resolver uses (the same Cypher
// through neo4j-driver, without HTTP, GraphQL parsing, validation, resolvers or JSON); and as the
// same call over plain HTTP with JSON (api-plain-server.ts), which parts what HTTP costs from
// what GraphQL costs. Writes the API section of docs/BENCHMARKS.md.

import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { awaitSearchIndex, ensureSchema } from '../../server/src/db/schema.ts';
import { HUB_DEGREE, HUB_KINDS } from '../../server/src/domain/paths.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { runningPid, stopNeo4j } from '../neo4j/server.ts';
import {
  type ExplorerOutcome,
  explorerTable,
  explorerWorkloads,
  measureExplorer,
} from './api-explorer.ts';
import {
  createGraphqlClient,
  createPlainClient,
  freePort,
  type Graphql,
  type Plain,
  type ServerProcess,
  startServerProcess,
} from './api-http.ts';
import { BLOCK, LOAD_DEFAULTS, measure, measureFloor, WARM_UP } from './api-measure.ts';
import {
  cpuTable,
  type Floor,
  GOAL,
  httpTable,
  latencyTable,
  ms,
  type Outcome,
  targetTable,
} from './api-report.ts';
import {
  AS_OF,
  HUBS,
  INPUTS,
  NEIGHBORHOOD_LIMIT,
  PATH_LIMIT,
  PATH_MAX_LENGTH,
  pickInputs,
  workloads,
} from './api-workloads.ts';
import { wholeNumberOptions } from './args.ts';
import {
  KEEP_FROM,
  keptSyntheticGraph,
  seedSyntheticGraph,
  startKeptBenchNeo4j,
} from './bench-neo4j.ts';
import { cpuMeter } from './cpu.ts';
import type { WarmUp } from './latency.ts';
import { machine, writeSection } from './report.ts';
import { SAMPLE, sampledSearchFigures, searchTable } from './search-quality.ts';

const fmt = (n: number) => n.toLocaleString('en-GB');

/** How long each warm-up took, and whether its medians settled. */
function warmUps(outcomes: Outcome[], floor: Floor): string {
  const line = (name: string, warm: WarmUp, sides: string) =>
    `${name} ${Math.round(warm.elapsedMs / 1000)} s (${fmt(warm.requests)} requests${sides}, ${warm.settled ? 'settled' : 'not settled'})`;
  return [
    ...outcomes.map((o) => line(o.name, o.warmUp, ' a side')),
    line('`{ __typename }`', floor.warmUp, ''),
  ].join('; ');
}

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
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: uri,
    NEO4J_USER: settings.user,
    NEO4J_PASSWORD: settings.password,
  });
  const directDriver = createDriver(config.neo4j);
  const dbOptions = { database: config.neo4j.database, timeoutMs: config.queryTimeoutMs };
  const db = createDatabase(directDriver, dbOptions);
  // Loading the graph and drawing inputs from all of it take longer than one request may.
  const setup = createDatabase(directDriver, { ...dbOptions, timeoutMs: 0 });
  let server: ServerProcess | undefined;
  let plainServer: ServerProcess | undefined;
  let graphql: Graphql | undefined;
  let plain: Plain | undefined;
  try {
    await ensureSchema(setup);
    const loaded =
      (million ? await keptSyntheticGraph(setup, { entities, seed }, log) : undefined) ??
      (await seedSyntheticGraph(setup, { entities, seed }, log));
    await awaitSearchIndex(setup);
    const inputs = await pickInputs(setup, seed);
    // The server runs as it does in production, in a process of its own: its event loop is not
    // shared with this load generator's.
    // The load generator is one client sending a thousand requests a second: its budgets are
    // counted as in production, but set out of its reach.
    const env = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      RATE_LIMIT_REQUESTS: '1000000000',
      RATE_LIMIT_COST: '1000000000000',
      NEO4J_URI: uri,
      NEO4J_USER: settings.user,
      NEO4J_PASSWORD: settings.password,
    };
    server = await startServerProcess({ ...env, PORT: String(await freePort()) });
    plainServer = await startServerProcess(
      { ...env, PORT: String(await freePort()) },
      fileURLToPath(new URL('./api-plain-server.ts', import.meta.url)),
    );
    graphql = createGraphqlClient(`${server.url}/graphql`);
    plain = createPlainClient(plainServer.url);
    const cpu = cpuMeter({
      client: 'self',
      server: server.pid,
      plain: plainServer.pid,
      neo4j: runningPid(settings) ?? 0,
    });
    const options = { requests, concurrency, capMs: capSeconds * 1000, cpu };
    const outcomes: Outcome[] = [];
    // At a million, paths through hubs of tens of thousands of relationships run past the server's
    // limit on one request: the explorer asks for paths avoiding hubs, and so does the target.
    const measured = workloads(db, graphql, plain, inputs).filter(
      (workload) => !(million && workload.name === 'paths'),
    );
    for (const workload of measured) {
      log(`Measuring ${workload.name} ...`);
      outcomes.push(await measure(workload, options, log));
    }
    log('Measuring the fixed cost of a request ...');
    const floor = await measureFloor(graphql, options);
    const explorer: ExplorerOutcome[] = [];
    for (const workload of await explorerWorkloads(setup, inputs)) {
      log(`Measuring the explorer's ${workload.name} ...`);
      explorer.push(await measureExplorer(graphql, workload, options));
    }
    log('Measuring what search finds ...');
    const found = await sampledSearchFigures(setup, graphql, seed);
    log(`Search missed: ${found.misses.slice(0, 20).join('; ') || 'nothing'}`);
    const lines = latencyTable(outcomes);
    // Below this direct p50, the fixed cost alone is more than the goal allows.
    const reachable = floor.summary.p50 / (GOAL - 1);
    const tooCheap = outcomes.filter((o) => o.direct.p50 < reachable).map((o) => o.name);
    const kept = million
      ? ` (from ${fmt(KEEP_FROM)} entities the bench database is kept between runs when it holds the whole graph asked for, so the seed is paid once)`
      : '';
    writeSection(
      million ? 'million-api' : 'api',
      `## ${million ? 'At a million entities: API' : 'API'}

\`npm run bench:api -- --entities ${entities} --requests ${requests} --concurrency ${concurrency}\`
(scripts/bench/api.ts) — synthetic graph, ${fmt(loaded.entities)} entities and
${fmt(loaded.relationships)} relationships (seed ${seed}), on the \`bench\` Neo4j${kept}. Each workload is sent as a
GraphQL request (POST over loopback HTTP to the production-mode server, in a process of its own, asking for no compression;
its per-client budgets count every request but are set out of reach) and,
in the same run, as a direct call of the repository function its resolver uses — the same Cypher
through neo4j-driver, without HTTP, parsing, validation, resolvers or JSON — and as that call over
plain HTTP: a bare node:http server in a process of its own (scripts/bench/api-plain-server.ts) that
parses a JSON body, calls the same function and writes the same fields as JSON, with no GraphQL. Each side gets
${requests} requests at ${concurrency} in flight, in blocks of ${BLOCK} that take turns, no new block after ${capSeconds} s per workload;
req/s is measured over the blocks at that concurrency. Before that, a warm-up that is not counted:
both sides in turns for at least ${WARM_UP.minMs / 1000} s and until each side's median moves by at most ${WARM_UP.tolerance * 100} % from one
window of ${WARM_UP.block * WARM_UP.window} requests to the next (at most ${WARM_UP.maxMs / 1000} s). Neo4j has just been loaded and answers
several times slower until the JVM has compiled its read paths; a running service is past that.

- search: \`search(text, first: 10)\` on ${INPUTS} texts taken from random entities' names — whole
  names, the first word or two cut short as if typed, and names with one wrong letter.
- neighborhood: \`neighborhood(ids: [id], depth, limit: ${NEIGHBORHOOD_LIMIT})\` (hub cap ${HUB_CAP}) from ${INPUTS} start
  nodes, one in ten among the ${HUBS} best-connected (largest degree ${fmt(inputs.maxDegree)}); "as of a date" adds
  \`asOf: "${AS_OF}"\` (only what existed and held then, each relationship with its status then).
- paths: \`paths(from, to, maxLength: ${PATH_MAX_LENGTH}, limit: ${PATH_LIMIT})\` between ${inputs.pairs.length} pairs two hops apart${million ? ` — not at this size, where paths through hubs run past the server's ${config.queryTimeoutMs / 1000} s limit on a request` : ''}.
- paths avoiding hubs: the same with \`avoid: {}\` (no ${HUB_KINDS.join(', ')} and no entity with more than ${fmt(HUB_DEGREE)}
  relationships between the ends) between ${inputs.avoiding.length} pairs joined by a walk of 2 to 4 hops through no hub,
  and not neighbours.

Goal: GraphQL p50 within ${GOAL}x of the direct driver. The 95 % interval of the p50 ratio comes
from resampling the rounds 1000 times (each round's GraphQL and direct blocks drawn together, so a
moment when the machine was slow counts against both); where it reaches across ${GOAL}, the verdict is
marked "within noise": another run may well give the other one. The interval covers the noise
within this run, not what differs between runs (the machine's other tenants, the plans Neo4j compiled
after loading): rerun to see that.

${lines.join('\n')}

${targetTable(outcomes, million).join('\n')}

Where the GraphQL side's extra time goes: from the direct call to plain HTTP is what any network API
in front of these queries costs on this machine (a loopback round trip, a second process, JSON both
ways); from plain HTTP to GraphQL is what Yoga, validation, the cost check and the resolvers add.

${httpTable(outcomes).join('\n')}

Warm-up: ${warmUps(outcomes, floor)}.

Every GraphQL request pays a fixed cost that the direct call does not: \`query Floor { __typename }\`,
which reads no data, takes p50 ${ms(floor.summary.p50, 2)} ms (p95 ${ms(floor.summary.p95, 2)} ms) through the same server at the same
concurrency. Where the direct p50 is under ${ms(reachable, 1)} ms, that fixed cost alone comes to more than the
${Math.round((GOAL - 1) * 100)} % the goal allows: ${tooCheap.join(', ') || 'no workload here'}.

CPU milliseconds per request, by process, read from /proc around each block. The load generator,
the servers and Neo4j share the machine's ${cpus().length} cores, so what the GraphQL side spends beyond the direct
side (HTTP and JSON on both ends, Yoga, resolvers) lengthens every request in flight:

${cpuTable(outcomes, floor).join('\n')}

The explorer's own requests, as it sends them (web/src/api/documents.ts: every field its views
show, relationships with their evidence, sources and status histories), on inputs drawn as above
(a shared view: a start and up to 19 neighbours; the relationship: one of the start's), each warmed up and then
${requests} requests at ${concurrency} in flight. Goal: the server's CPU per request at most Neo4j's.

${explorerTable(explorer).join('\n')}

What search finds, through the API (\`search(text, first: 10)\`), for ${SAMPLE} entities drawn at random (seed ${seed}): each one's name
and aliases, first hit wanted (for a name other entities bear too, any of them: nothing typed tells them apart), and three
one-letter typos of its name, wanted in the first three (scripts/bench/search-quality.ts, the measure the test over the
curated entities applies; a typo some entity bears as typed is not counted).

${searchTable(found).join('\n')}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    );
    console.log(lines.join('\n'));
    for (const outcome of outcomes) {
      for (const line of outcome.mismatches.slice(0, 5)) {
        console.log(`${outcome.name}: the answers differ for ${line}`);
      }
      const distinct = [...new Set(outcome.errors)];
      for (const error of distinct.slice(0, 5)) console.log(`${outcome.name}: error: ${error}`);
      if (outcome.errors.length > 0) process.exitCode = 1;
    }
    for (const outcome of explorer) {
      for (const error of [...new Set(outcome.errors)].slice(0, 5)) {
        console.log(`${outcome.name}: error: ${error}`);
      }
      if (outcome.errors.length > 0) process.exitCode = 1;
    }
  } finally {
    graphql?.close();
    plain?.close();
    await server?.stop();
    await plainServer?.stop();
    await directDriver.close();
    await stopNeo4j(settings, log);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
