// Under load and faults: `npm run bench:load [-- --connections 64 --seconds 60 --soak 300]`.
// The curated datasets in the emptied `bench` Neo4j, the API in a process of its own as in
// production (rate limits off, so that each client stands for one person), and autocannon's
// clients on loopback sending the explorer's documents: first for --seconds, then a soak of
// --soak seconds with the server's memory read from /proc, then Neo4j stopped cleanly and
// killed with SIGKILL under the same load, each time started again 10 s later. Writes the
// "Under load and faults" section of docs/BENCHMARKS.md, with each goal's verdict.

import { readFileSync } from 'node:fs';
import { importDatasets } from '../../seed/src/import.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { awaitSearchIndex } from '../../server/src/db/schema.ts';
import { runningPid, startNeo4j, stopNeo4j } from '../neo4j/server.ts';
import type { Neo4jSettings } from '../neo4j/settings.ts';
import { explorerWorkloads } from './api-explorer.ts';
import { freePort, type ServerProcess, startServerProcess } from './api-http.ts';
import { pickInputs } from './api-workloads.ts';
import { wholeNumberOptions } from './args.ts';
import { startBenchNeo4j } from './bench-neo4j.ts';
import { drive, type Request } from './load-drive.ts';
import { type Fault, loadReport, type Soak } from './load-report.ts';
import { machine, writeSection } from './report.ts';

/** How long Neo4j stays away in each fault, and how long the load runs either side of it. */
const DOWN_S = 10;
const AROUND_S = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's resident memory now, in bytes, from /proc. */
function residentOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/**
 * Resolves with load.elapsed() when the database first answers a query on a connection of its
 * own: Bolt accepts connections a few seconds before the database is there to answer.
 */
async function databaseAnswers(settings: Neo4jSettings, elapsed: () => number): Promise<number> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const driver = createDriver({
      uri: `bolt://127.0.0.1:${settings.boltPort}`,
      user: settings.user,
      password: settings.password,
    });
    try {
      await createDatabase(driver, { database: 'neo4j', timeoutMs: 1000 }).read('RETURN 1 AS one');
      return elapsed();
    } catch {
      await sleep(100);
    } finally {
      await driver.close();
    }
  }
  return Number.NaN;
}

async function fault(
  kind: Fault['kind'],
  url: string,
  requests: Request[],
  connections: number,
  settings: Neo4jSettings,
  bring: { down: () => Promise<void>; up: () => Promise<void> },
  log: (line: string) => void,
): Promise<Fault> {
  log(`Neo4j ${kind === 'stop' ? 'stopped' : 'killed'} under ${connections} clients ...`);
  const load = drive(url, requests, { connections, seconds: 600 });
  await sleep(AROUND_S * 1000);
  const downAt = load.elapsed();
  const unavailable = load.first('SERVICE_UNAVAILABLE', downAt);
  await bring.down();
  const goneAt = load.elapsed();
  await sleep(DOWN_S * 1000);
  const startAt = load.elapsed();
  await bring.up();
  const backAt = load.elapsed();
  const recovered = load.first('answered', backAt);
  const answersAt = databaseAnswers(settings, load.elapsed);
  const firstSuccess = await Promise.race([recovered, sleep(60_000).then(() => Number.NaN)]);
  const databaseAt = await answersAt;
  await sleep(AROUND_S * 1000);
  const drove = await load.stop();
  const firstUnavailable = await Promise.race([unavailable, Promise.resolve(Number.NaN)]);
  return {
    kind,
    drove,
    downAt,
    goneAt,
    startAt,
    backAt,
    databaseAt,
    firstUnavailable,
    firstSuccess,
  };
}

async function main() {
  const { connections, seconds, soak, seed } = wholeNumberOptions(
    { connections: 64, seconds: 60, soak: 300, seed: 1 },
    'Load and faults on the curated datasets; writes "Under load and faults" in docs/BENCHMARKS.md.',
  );
  const log = (line: string) => console.log(line);
  const neo4j = await startBenchNeo4j(log, 0);
  let server: ServerProcess | undefined;
  try {
    const seeded = await importDatasets(neo4j.db, 'bench', { paths: [], reset: true });
    if (seeded.exitCode !== 0) throw new Error(`seeding failed: ${seeded.error ?? ''}`);
    await awaitSearchIndex(neo4j.db);
    const inputs = await pickInputs(neo4j.db, seed);
    const workloads = await explorerWorkloads(neo4j.db, inputs);
    // Interleaved, so that every moment of the run sees every kind of request.
    const requests: Request[] = [];
    for (let i = 0; i < Math.max(...workloads.map((w) => w.variables.length)); i += 1) {
      for (const { query, variables } of workloads) {
        const v = variables[i];
        if (v) requests.push({ query, variables: v });
      }
    }
    const { settings } = neo4j;
    server = await startServerProcess(
      {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        RATE_LIMIT_REQUESTS: '0',
        RATE_LIMIT_COST: '0',
        NEO4J_URI: `bolt://127.0.0.1:${settings.boltPort}`,
        NEO4J_USER: settings.user,
        NEO4J_PASSWORD: settings.password,
      },
      undefined,
      { quiet: true },
    );
    const url = `${server.url}/graphql`;
    const pid = server.pid;
    const memoryAtStart = residentOf(pid);

    log(`${connections} clients for ${seconds} s ...`);
    const loaded = await drive(url, requests, { connections, seconds }).ended();

    log(`Soak: ${connections} clients for ${soak} s ...`);
    const soakStart = residentOf(pid);
    const samples: number[] = [];
    const soaking = drive(url, requests, { connections, seconds: soak });
    for (let s = 0; s < soak; s += 5) {
      await sleep(5000);
      samples.push(residentOf(pid));
    }
    const soaked = await soaking.ended();
    const soakResult: Soak = { drove: soaked, start: soakStart, end: residentOf(pid), samples };

    const faults = [
      await fault(
        'stop',
        url,
        requests,
        connections,
        settings,
        {
          down: async () => void (await stopNeo4j(settings, () => {})),
          up: async () => void (await startNeo4j(settings, () => {})),
        },
        log,
      ),
      await fault(
        'kill',
        url,
        requests,
        connections,
        settings,
        {
          down: async () => {
            const neo4jPid = runningPid(settings);
            if (neo4jPid) process.kill(neo4jPid, 'SIGKILL');
          },
          up: async () => void (await startNeo4j(settings, () => {})),
        },
        log,
      ),
    ];
    const markdown = loadReport({
      machine: machine(),
      connections,
      seconds,
      documents: requests.length,
      memoryAtStart,
      loaded,
      soak: soakResult,
      faults,
      downSeconds: DOWN_S,
    });
    writeSection('load', markdown);
    log(markdown);
  } finally {
    await server?.stop();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
