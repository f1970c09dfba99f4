// Neo4j going away under the API and coming back: a scratch Neo4j of this file's own, on ports
// of its own, stopped cleanly, started again, killed with SIGKILL and started again.

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNeo4j, stopNeo4j } from '../../scripts/neo4j/server.ts';
import type { Neo4jSettings } from '../../scripts/neo4j/settings.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { NO_RATE_LIMITS, testConfig } from '../helpers/database.ts';
import { scratchSettings } from '../helpers/scratch-neo4j.ts';

const quiet = () => {};
let settings: Neo4jSettings;
let pid = 0;
let yoga: ReturnType<typeof createEntenteYoga>;
let closeDriver = async () => {};

async function start() {
  const started = await startNeo4j(settings, quiet);
  pid = started.pid;
}

beforeAll(async () => {
  settings = await scratchSettings('entente-outage-');
  await start();
  const driver = createDriver({
    uri: `bolt://127.0.0.1:${settings.boltPort}`,
    user: settings.user,
    password: settings.password,
  });
  closeDriver = () => driver.close();
  const db = createDatabase(driver, { database: 'neo4j', timeoutMs: 10_000 });
  // Without per-client budgets: the load below is one client asking many times a second.
  yoga = createEntenteYoga({ db, config: testConfig({ rateLimit: NO_RATE_LIMITS }) });
}, 240_000);

afterAll(async () => {
  await closeDriver();
  if (settings) {
    await stopNeo4j(settings, quiet);
    rmSync(settings.home, { recursive: true, force: true });
  }
}, 120_000);

function alive(id: number): boolean {
  try {
    process.kill(id, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function ask() {
  const started = Date.now();
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ health { nodeCount } }' }),
  });
  const body = await response.json();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: body.errors?.[0]?.extensions?.code as string | undefined,
    nodeCount: body.data?.health?.nodeCount as number | undefined,
    ms: Date.now() - started,
  };
}

async function ready() {
  const started = Date.now();
  const { status } = await yoga.fetch('http://test/ready');
  return { status, ms: Date.now() - started };
}

/** While Neo4j is down: every answer within a second, 503 with Retry-After; /ready fails. */
async function expectUnavailable() {
  const answers = await Promise.all(Array.from({ length: 5 }, ask));
  answers.push(await ask());
  for (const answer of answers) {
    expect(answer).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '2' });
    expect(answer.ms).toBeLessThan(1_000);
  }
  const probe = await ready();
  expect(probe.status).toBe(503);
  expect(probe.ms).toBeLessThan(1_000);
}

/**
 * Once Neo4j answers a query on its database again (which, on a busy machine, may be a while
 * after Bolt does): how long until the API answers too, asking every 100 ms for at most 10 s.
 */
async function msUntilAnswered() {
  const direct = createDriver({
    uri: `bolt://127.0.0.1:${settings.boltPort}`,
    user: settings.user,
    password: settings.password,
  });
  try {
    const boltUp = Date.now();
    for (;;) {
      try {
        await direct.executeQuery('RETURN 1', {}, { database: 'neo4j' });
        break;
      } catch (error) {
        if (Date.now() - boltUp > 60_000) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const back = Date.now();
    const seen: string[] = [];
    while (Date.now() - back < 10_000) {
      const answer = await ask();
      if (answer.status === 200 && answer.nodeCount !== undefined) return Date.now() - back;
      seen.push(`${Date.now() - back} ms: ${answer.status} ${answer.code}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no answer within 10 s of Neo4j answering:\n${seen.join('\n')}`);
  } finally {
    await direct.close();
  }
}

/** Clients asking over and over until stopped: when each request started, how long it took, what came back. */
function load(clients: number) {
  const answers: { at: number; ms: number; status: number }[] = [];
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      const at = Date.now();
      const { status, ms } = await ask();
      answers.push({ at, ms, status });
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

/**
 * Takes Neo4j away while eight clients ask: no request outlives its deadline meanwhile, and once
 * it is gone every answer is a 503 within a second.
 */
async function goAwayUnderLoad(goAway: () => Promise<unknown>) {
  const clients = load(8);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await goAway();
  const gone = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const answers = await clients.stop();
  expect(answers.filter((a) => a.at < gone && a.status === 200).length).toBeGreaterThan(0);
  expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(testConfig().queryTimeoutMs);
  const after = answers.filter((a) => a.at >= gone);
  expect(after.length).toBeGreaterThan(0);
  for (const answer of after) expect(answer.status).toBe(503);
  expect(Math.max(...after.map((a) => a.ms))).toBeLessThan(1_000);
}

describe('when Neo4j goes away and comes back', { timeout: 300_000 }, () => {
  it('answers while it is up', async () => {
    expect(await ask()).toMatchObject({ status: 200, nodeCount: 0 });
    expect((await ready()).status).toBe(200);
  });

  it('stopped under load: SERVICE_UNAVAILABLE within 1 s and /ready failing; started: answers within 5 s', async () => {
    await goAwayUnderLoad(() => stopNeo4j(settings, quiet));
    await expectUnavailable();
    await start();
    expect(await msUntilAnswered()).toBeLessThan(5_000);
    expect((await ready()).status).toBe(200);
  });

  it('killed with SIGKILL under load: the same, and it recovers the same way', async () => {
    expect((await ask()).status).toBe(200);
    await goAwayUnderLoad(async () => {
      process.kill(pid, 'SIGKILL');
      await until(() => !alive(pid), 10_000);
    });
    await expectUnavailable();
    await start();
    expect(await msUntilAnswered()).toBeLessThan(5_000);
    expect((await ready()).status).toBe(200);
  });
});
