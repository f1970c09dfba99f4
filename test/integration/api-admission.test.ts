// Admission control and deadlines on the real test Neo4j. A transaction of the test's own holds
// the write lock of one entity, so that curators' upserts of it wait inside Neo4j for exactly as
// long as the test says: requests that are slow for a known time, whatever the machine's load.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { EDITOR, UPSERT_ENTITY } from '../helpers/curation.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';

const db = connectTestDatabase();
const ID = 'admission-probe';
const input = { id: ID, kind: 'COMPANY', name: 'Admission Probe Ltd' };

beforeAll(() => ensureSchema(db));
afterAll(async () => {
  await db.write('MATCH (e:Entity {id: $id}) DETACH DELETE e', { id: ID });
  await db.close();
});

/** Holds the entity's write lock in an open transaction until release() rolls it back. */
async function holdLock() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const taken = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holder = db.transaction(
    async (tx) => {
      await tx.run('MERGE (e:Entity {id: $id}) SET e.name = $name', { id: ID, name: 'held' });
      locked();
      await released;
    },
    { rollback: true, timeoutMs: 60_000 },
  );
  await taken;
  return async () => {
    release();
    await holder;
  };
}

function serverWith(overrides: Partial<Config>) {
  const yoga = createEntenteYoga({
    db,
    config: testConfig({ editorTokens: ['editor-token'], ...overrides }),
  });
  return async (signal?: AbortSignal) => {
    const started = Date.now();
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...EDITOR },
      body: JSON.stringify({ query: UPSERT_ENTITY, variables: { input } }),
      signal,
    });
    const body = await response.json();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      code: body.errors?.[0]?.extensions?.code as string | undefined,
      id: body.data?.upsertEntity?.id as string | undefined,
      ms: Date.now() - started,
    };
  };
}

/** Transactions waiting in Neo4j for a lock: the upserts that run, stopped at the held one. */
const waitingUpserts = async () =>
  (
    await db.read<{ n: number }>(
      "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n",
    )
  )[0]?.n ?? 0;

async function until(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('more requests than may run and wait', () => {
  it('are answered at once with 503, Retry-After and OVERLOADED; the admitted ones succeed', async () => {
    const upsert = serverWith({ admission: { concurrency: 2, queue: 2, queueWaitMs: 30_000 } });
    const release = await holdLock();
    let answers: Awaited<ReturnType<typeof upsert>>[];
    try {
      const pending = Array.from({ length: 8 }, () => upsert());
      const refused: typeof answers = [];
      for (const answer of pending) void answer.then((a) => a.status === 503 && refused.push(a));
      await until(async () => refused.length === 4, 10_000);
      // Two run, blocked on the lock in Neo4j; two wait for a turn.
      await until(async () => (await waitingUpserts()) === 2, 10_000);
      expect(refused.every((a) => a.ms < 2_000)).toBe(true);
      await release();
      answers = await Promise.all(pending);
    } finally {
      await release();
    }
    const overloaded = answers.filter((a) => a.status === 503);
    expect(overloaded).toHaveLength(4);
    for (const answer of overloaded) {
      expect(answer).toMatchObject({ code: 'OVERLOADED', retryAfter: '2' });
    }
    const served = answers.filter((a) => a.status === 200);
    expect(served.map((a) => [a.id, a.code])).toEqual(Array(4).fill([ID, undefined]));
  });

  it('a request that gets no turn within the queue wait is refused as OVERLOADED then', async () => {
    const upsert = serverWith({
      mode: 'development',
      admission: { concurrency: 1, queue: 5, queueWaitMs: 300 },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const release = await holdLock();
    try {
      const running = upsert();
      await until(async () => (await waitingUpserts()) === 1, 10_000);
      const queued = await upsert();
      expect(queued).toMatchObject({ status: 503, code: 'OVERLOADED', retryAfter: '2' });
      expect(queued.ms).toBeGreaterThanOrEqual(290);
      expect(queued.ms).toBeLessThan(2_000);
      // Logged as one line with its count.
      const lines = warn.mock.calls.map((args) => args.map(String).join(' '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/OVERLOADED \(1 so far\): The server is busy \(1 requests running/);
      await release();
      expect(await running).toMatchObject({ status: 200, id: ID });
    } finally {
      warn.mockRestore();
      await release();
    }
  });
});

describe('a request’s deadline', () => {
  it('bounds its transaction in Neo4j: past it, the request is TIMEOUT and its transaction gone', async () => {
    const upsert = serverWith({ queryTimeoutMs: 1_500 });
    const release = await holdLock();
    try {
      const answer = await upsert();
      expect(answer.code).toBe('TIMEOUT');
      expect(answer.ms).toBeGreaterThanOrEqual(1_400);
      expect(answer.ms).toBeLessThan(5_000);
      await until(async () => (await waitingUpserts()) === 0, 5_000);
    } finally {
      await release();
    }
  });
});

describe('a client that goes away', () => {
  it('has its running transaction stopped in Neo4j and its turn given back', async () => {
    const upsert = serverWith({ admission: { concurrency: 1, queue: 0, queueWaitMs: 0 } });
    const release = await holdLock();
    try {
      const client = new AbortController();
      const gone = upsert(client.signal).catch((error: unknown) => error);
      await until(async () => (await waitingUpserts()) === 1, 10_000);
      client.abort();
      await gone;
      await until(async () => (await waitingUpserts()) === 0, 5_000);
      await release();
      // The one turn is free again: the next request runs.
      expect(await upsert()).toMatchObject({ status: 200, id: ID });
    } finally {
      await release();
    }
  });
});
