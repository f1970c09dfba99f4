// API benchmark: `npm run bench:api [-- --entities N --requests N --concurrency N]`. Seeds the
// synthetic graph into the `bench` Neo4j (wiped first), starts the real HTTP server in-process and,
// in the same run, sends each workload both as a GraphQL request over loopback HTTP and as a
// direct call of the repository function the resolver uses: the same Cypher through
// neo4j-driver, without HTTP, GraphQL parsing, validation, resolvers or JSON. Writes the API
// section of docs/BENCHMARKS.md.

import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../../seed/src/synthetic.ts';
import { loadSynthetic } from '../../seed/src/synthetic-load.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { searchEntities } from '../../server/src/db/entity-repository.ts';
import { findNeighborhood, findPaths } from '../../server/src/db/graph-repository.ts';
import { awaitSearchIndex, ensureSchema } from '../../server/src/db/schema.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { startNeo4j, stopNeo4j, wipeNeo4j } from '../neo4j/server.ts';
import { neo4jSettings, ROOT } from '../neo4j/settings.ts';
import { type Block, runBlock, type Summary, summarize } from './latency.ts';
import { machine, writeSection } from './report.ts';

/** Distinct inputs per workload; requests cycle through them. */
const INPUTS = 100;
const HUBS = 20;
/**
 * Warm-up per side before timing: the server is a fresh process whose resolvers V8 has not yet
 * optimised, and Neo4j compiles a plan per query shape, so early requests measure start-up.
 */
const WARM_UP = 300;
const WARM_UP_CAP_MS = 15_000;
/** Requests per block; GraphQL and direct blocks alternate, so drift hits both sides alike. */
const BLOCK = 50;
/** Inputs whose GraphQL and direct answers are compared before timing. */
const CHECKED = 20;
const GOAL = 1.3;
const NEIGHBORHOOD_LIMIT = 200;
const PATH_MAX_LENGTH = 4;
const PATH_LIMIT = 3;

/** Calls one way of answering an input and returns a fingerprint of the answer to compare. */
type Call<I> = (input: I) => Promise<string>;

interface Workload<I> {
  name: string;
  inputs: I[];
  api: Call<I>;
  direct: Call<I>;
}

interface Outcome {
  name: string;
  api: Summary;
  direct: Summary;
  /** Inputs whose GraphQL answer differed from the direct one. */
  mismatches: string[];
  errors: string[];
}

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 10) { score entity { id kind name aliases country degree } }
}`;

const NEIGHBORHOOD = `query Neighborhood($ids: [ID!]!, $depth: Int!) {
  neighborhood(ids: $ids, depth: $depth, limit: ${NEIGHBORHOOD_LIMIT}) {
    truncated
    nodes { id kind name country degree }
    edges { id type status since until from { id } to { id } }
    hubs { id total shown byType { type count } }
  }
}`;

const PATHS = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: ${PATH_MAX_LENGTH}, limit: ${PATH_LIMIT}) {
    length
    nodes { id kind name }
    edges { id type status since until from { id } to { id } }
  }
}`;

function pick<T>(items: readonly T[], rng: () => number): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** What an analyst types: a whole name, the start of one, or a name with one wrong letter. */
function searchText(name: string, rng: () => number): string {
  const words = name.split(' ');
  const roll = rng();
  if (roll < 0.4) return name;
  if (roll < 0.7) {
    const kept = words.slice(0, 1 + Math.floor(rng() * Math.min(2, words.length)));
    const last = kept.pop() ?? '';
    return [...kept, last.slice(0, Math.max(3, Math.ceil(last.length / 2)))].join(' ');
  }
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 5) return name;
  const at = 1 + Math.floor(rng() * (longest.length - 2));
  const letter = longest[at] === 'x' ? 'q' : 'x';
  const typo = `${longest.slice(0, at)}${letter}${longest.slice(at + 1)}`;
  return words.map((word) => (word === longest ? typo : word)).join(' ');
}

/** Deterministic inputs drawn from the loaded data: search texts, start nodes, connected pairs. */
async function pickInputs(db: Database, seed: number) {
  const rng = mulberry32(seed);
  const entities = await db.read<{ id: string; name: string }>(
    'MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY e.id',
  );
  const hubs = await db.read<{ id: string; degree: number }>(
    `MATCH (e:Entity) WITH e, COUNT { (e)--() } AS degree
     ORDER BY degree DESC, e.id LIMIT $hubs RETURN e.id AS id, degree`,
    { hubs: HUBS },
  );
  const texts = Array.from({ length: INPUTS }, () => searchText(pick(entities, rng).name, rng));
  // One start node in ten is a hub, as when an analyst opens a country or a large body.
  const starts = Array.from({ length: INPUTS }, () =>
    rng() < 0.1 ? pick(hubs, rng).id : pick(entities, rng).id,
  );
  const pairs: { from: string; to: string }[] = [];
  for (let attempt = 0; pairs.length < INPUTS && attempt < INPUTS * 10; attempt += 1) {
    const from = pick(entities, rng).id;
    const near = await db.read<{ id: string }>(
      `MATCH (a:Entity {id: $from})--(:Entity)--(b:Entity)
       WHERE b <> a AND NOT (a)--(b)
       RETURN DISTINCT b.id AS id ORDER BY id LIMIT 200`,
      { from },
    );
    if (near.length > 0) pairs.push({ from, to: pick(near, rng).id });
  }
  return { texts, starts, pairs, maxDegree: hubs[0]?.degree ?? 0 };
}

/**
 * A keep-alive HTTP/1.1 client on node:http: the load generator shares the machine's two cores
 * with the server and Neo4j, so it should cost as little as it can (fetch costs a few times more
 * per request).
 */
function createGraphqlClient(url: string) {
  const { hostname, port, pathname } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const graphql = <T>(query: string, variables: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: hostname,
          port,
          path: pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json',
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('error', reject);
          response.on('end', () => {
            try {
              const body = JSON.parse(text) as { data?: T; errors?: { message: string }[] };
              if (body.errors?.length)
                throw new Error(body.errors.map((e) => e.message).join('; '));
              if (!body.data) throw new Error(`HTTP ${response.statusCode} without data`);
              resolve(body.data);
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query, variables }));
    });
  return Object.assign(graphql, { close: () => agent.destroy() });
}

type Graphql = ReturnType<typeof createGraphqlClient>;
interface Subgraph {
  nodes: unknown[];
  edges: unknown[];
  hubs: unknown[];
  truncated: boolean;
}
const subgraphPrint = (g: Subgraph) =>
  `${g.nodes.length} nodes, ${g.edges.length} edges, ${g.hubs.length} hubs${g.truncated ? ', truncated' : ''}`;
const pathsPrint = (paths: { edges: unknown[] }[]) =>
  `paths of length [${paths.map((p) => p.edges.length).join(', ')}]`;

function workloads(db: Database, graphql: Graphql, inputs: Awaited<ReturnType<typeof pickInputs>>) {
  const neighborhood = (depth: 1 | 2): Workload<string> => ({
    name: `neighborhood, depth ${depth}`,
    inputs: inputs.starts,
    api: async (id) =>
      subgraphPrint(
        (await graphql<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { ids: [id], depth }))
          .neighborhood,
      ),
    direct: async (id) =>
      subgraphPrint(
        await findNeighborhood(db, {
          ids: [id],
          depth,
          limit: NEIGHBORHOOD_LIMIT,
          hubCap: HUB_CAP,
        }),
      ),
  });
  const search: Workload<string> = {
    name: 'search',
    inputs: inputs.texts,
    api: async (text) =>
      (await graphql<{ search: { entity: { id: string } }[] }>(SEARCH, { text })).search
        .map((hit) => hit.entity.id)
        .join(' '),
    direct: async (text) =>
      (await searchEntities(db, text, { first: 10 })).map((hit) => hit.entity.id).join(' '),
  };
  const paths: Workload<{ from: string; to: string }> = {
    name: 'paths',
    inputs: inputs.pairs,
    api: async (pair) =>
      pathsPrint((await graphql<{ paths: { edges: unknown[] }[] }>(PATHS, pair)).paths),
    direct: async (pair) =>
      pathsPrint(await findPaths(db, { ...pair, maxLength: PATH_MAX_LENGTH, limit: PATH_LIMIT })),
  };
  return [search, neighborhood(1), neighborhood(2), paths] as Workload<unknown>[];
}

async function measure<I>(
  workload: Workload<I>,
  options: { requests: number; concurrency: number; capMs: number },
  log: (line: string) => void,
): Promise<Outcome> {
  const mismatches: string[] = [];
  const errors: string[] = [];
  for (const input of workload.inputs.slice(0, CHECKED)) {
    const [api, direct] = await Promise.allSettled([workload.api(input), workload.direct(input)]);
    if (api.status === 'rejected' || direct.status === 'rejected') {
      for (const r of [api, direct]) if (r.status === 'rejected') errors.push(String(r.reason));
    } else if (api.value !== direct.value) {
      mismatches.push(`${JSON.stringify(input)}: GraphQL ${api.value} / direct ${direct.value}`);
    }
  }
  for (const side of [workload.api, workload.direct]) {
    await runBlock(workload.inputs, side, {
      concurrency: options.concurrency,
      deadline: performance.now() + WARM_UP_CAP_MS,
      count: WARM_UP,
      offset: 0,
    });
  }
  // Whole rounds only, so both sides always answer the same inputs; a round that starts
  // before the cap may finish after it, but none runs past twice the cap.
  const deadline = performance.now() + options.capMs;
  const block = { concurrency: options.concurrency, deadline: deadline + options.capMs };
  const apiBlocks: Block[] = [];
  const directBlocks: Block[] = [];
  let done = 0;
  for (let round = 0; done < options.requests && performance.now() < deadline; round += 1) {
    const run = { ...block, count: Math.min(BLOCK, options.requests - done), offset: done };
    // Alternate which side goes first, so neither always follows the other's cache effects.
    const sides = [
      async () => apiBlocks.push(await runBlock(workload.inputs, workload.api, run)),
      async () => directBlocks.push(await runBlock(workload.inputs, workload.direct, run)),
    ];
    for (const side of round % 2 === 0 ? sides : sides.reverse()) await side();
    done += run.count;
  }
  if (done < options.requests) log(`  ${workload.name}: stopped at the time cap`);
  errors.push(...[...apiBlocks, ...directBlocks].flatMap((b) => b.errors));
  return {
    name: workload.name,
    api: summarize(apiBlocks),
    direct: summarize(directBlocks),
    mismatches,
    errors,
  };
}

function table(outcomes: Outcome[]): string[] {
  const ms = (n: number) => n.toFixed(1);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
  const rows = outcomes.map(({ name, api, direct }) => {
    const met = direct.p50 > 0 && api.p50 / direct.p50 <= GOAL ? 'met' : 'not met';
    return `| ${name} | ${api.requests} / ${direct.requests} | ${ms(api.p50)} | ${ms(direct.p50)} | ${ratio(api.p50, direct.p50)} | ${ms(api.p95)} | ${ms(direct.p95)} | ${ratio(api.p95, direct.p95)} | ${Math.round(api.perSecond)} | ${Math.round(direct.perSecond)} | ${met} |`;
  });
  return [
    '| workload | requests (GraphQL / direct) | GraphQL p50 ms | direct p50 ms | p50 ratio | GraphQL p95 ms | direct p95 ms | p95 ratio | GraphQL req/s | direct req/s | p50 within 1.3x |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ];
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      entities: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      requests: { type: 'string', default: '300' },
      concurrency: { type: 'string', default: '4' },
      'cap-seconds': { type: 'string', default: '60' },
    },
  });
  const [entities, seed, requests, concurrency, capSeconds] = [
    values.entities,
    values.seed,
    values.requests,
    values.concurrency,
    values['cap-seconds'],
  ].map(Number) as [number, number, number, number, number];
  for (const [name, value] of Object.entries({
    entities,
    requests,
    concurrency,
    'cap-seconds': capSeconds,
  })) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`--${name} must be a whole number >= 1, got ${value}`);
    }
  }
  const settings = neo4jSettings('bench');
  const log = (line: string) => console.log(line);
  await wipeNeo4j(settings, log);
  const { uri } = await startNeo4j(settings, log);
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
  let server: ServerProcess | undefined;
  let graphql: Graphql | undefined;
  try {
    await ensureSchema(db);
    log(`Seeding ${entities.toLocaleString('en-GB')} synthetic entities ...`);
    const loaded = await loadSynthetic(db, { entities, seed });
    await awaitSearchIndex(db);
    const inputs = await pickInputs(db, seed);
    // The server runs as it does in production, in a process of its own: its event loop is not
    // shared with this load generator's.
    server = await startServerProcess({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      NEO4J_URI: uri,
      NEO4J_USER: settings.user,
      NEO4J_PASSWORD: settings.password,
    });
    graphql = createGraphqlClient(`${server.url}/graphql`);
    const outcomes: Outcome[] = [];
    for (const workload of workloads(db, graphql, inputs)) {
      log(`Measuring ${workload.name} ...`);
      outcomes.push(
        await measure(workload, { requests, concurrency, capMs: capSeconds * 1000 }, log),
      );
    }
    const lines = table(outcomes);
    const fmt = (n: number) => n.toLocaleString('en-GB');
    writeSection(
      'api',
      `## API

\`npm run bench:api -- --entities ${entities} --requests ${requests} --concurrency ${concurrency}\`
(scripts/bench/api.ts) — synthetic graph, ${fmt(loaded.entities)} entities and
${fmt(loaded.relationships)} relationships (seed ${seed}), on the \`bench\` Neo4j. Each workload is sent as a
GraphQL request (POST over loopback HTTP to the production-mode server, in a process of its own) and,
in the same run, as a direct call of the repository function its resolver uses — the same Cypher
through neo4j-driver, without HTTP, parsing, validation, resolvers or JSON. Each side gets
${requests} requests, after up to ${WARM_UP} warm-up requests (at most ${WARM_UP_CAP_MS / 1000} s) that are not counted, at ${concurrency} in flight, in alternating blocks
of ${BLOCK}, no new block after ${capSeconds} s per workload; req/s is measured over the blocks at that concurrency.

- search: \`search(text, first: 10)\` on ${INPUTS} texts taken from random entities' names — whole
  names, the first word or two cut short as if typed, and names with one wrong letter.
- neighborhood: \`neighborhood(ids: [id], depth, limit: ${NEIGHBORHOOD_LIMIT})\` (hub cap ${HUB_CAP}) from ${INPUTS} start
  nodes, one in ten among the ${HUBS} best-connected (largest degree ${fmt(inputs.maxDegree)}).
- paths: \`paths(from, to, maxLength: ${PATH_MAX_LENGTH}, limit: ${PATH_LIMIT})\` between ${inputs.pairs.length} pairs two hops apart.

Goal: GraphQL p50 within ${GOAL}x of the direct driver.

${lines.join('\n')}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    );
    console.log(lines.join('\n'));
    for (const outcome of outcomes) {
      for (const line of outcome.mismatches.slice(0, 5)) {
        console.log(`${outcome.name}: GraphQL and direct differ for ${line}`);
      }
      const distinct = [...new Set(outcome.errors)];
      for (const error of distinct.slice(0, 5)) console.log(`${outcome.name}: error: ${error}`);
      if (outcome.errors.length > 0) process.exitCode = 1;
    }
  } finally {
    graphql?.close();
    await server?.stop();
    await directDriver.close();
    await stopNeo4j(settings, log);
  }
}

interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `server/src/main.ts` with the given environment and waits until /health answers. */
async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'server', 'src', 'main.ts')],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${env.PORT}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { url, stop };
    await sleep(200);
  }
  await stop();
  throw new Error('the server did not answer /health within 60 s');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
