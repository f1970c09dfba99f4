// Admission control and deadlines on the real test Neo4j, with upserts held up by a lock of the
// test's own (test/helpers/held-lock.ts): requests that are slow for a known time.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import type { Logger } from '../../server/src/logger.ts';
import { EDITOR, UPSERT_ENTITY } from '../helpers/curation.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { holdLock, until, waitingUpserts } from '../helpers/held-lock.ts';
import { captureLogs, WARN } from '../helpers/logs.ts';

const db = connectTestDatabase();
const ID = 'admission-probe';
const input = { id: ID, kind: 'COMPANY', name: 'Admission Probe Ltd' };

beforeAll(() => ensureSchema(db));
afterAll(async () => {
  await db.write('MATCH (e:Entity {id: $id}) DETACH DELETE e', { id: ID });
  await db.close();
});

function serverWith(overrides: Partial<Config>, logger?: Logger) {
  const yoga = createEntenteYoga(
    {
      db,
      config: testConfig({ editors: [{ name: 'editor', token: 'editor-token' }], ...overrides }),
    },
    { logger },
  );
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

describe('more requests than may run and wait', () => {
  it('are answered at once with 503, Retry-After and OVERLOADED; the admitted ones succeed', async () => {
    const upsert = serverWith({ admission: { concurrency: 2, queue: 2, queueWaitMs: 30_000 } });
    const release = await holdLock(db, ID);
    let answers: Awaited<ReturnType<typeof upsert>>[];
    try {
      const pending = Array.from({ length: 8 }, () => upsert());
      const refused: typeof answers = [];
      for (const answer of pending) void answer.then((a) => a.status === 503 && refused.push(a));
      await until(async () => refused.length === 4, 10_000);
      // Two run, blocked on the lock in Neo4j; two wait for a turn.
      await until(async () => (await waitingUpserts(db)) === 2, 10_000);
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
    const { logger, lines } = captureLogs();
    const upsert = serverWith(
      { admission: { concurrency: 1, queue: 5, queueWaitMs: 300 } },
      logger,
    );
    const release = await holdLock(db, ID);
    try {
      const running = upsert();
      await until(async () => (await waitingUpserts(db)) === 1, 10_000);
      const queued = await upsert();
      expect(queued).toMatchObject({ status: 503, code: 'OVERLOADED', retryAfter: '2' });
      expect(queued.ms).toBeGreaterThanOrEqual(290);
      expect(queued.ms).toBeLessThan(2_000);
      // Logged as one line with its count.
      const warnings = lines.filter((line) => line.level === WARN);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toMatch(
        /OVERLOADED \(1 so far\): The server is busy \(1 requests running/,
      );
      await release();
      expect(await running).toMatchObject({ status: 200, id: ID });
    } finally {
      await release();
    }
  });
});

describe('a request’s deadline', () => {
  it('bounds its transaction in Neo4j: past it, the request is TIMEOUT and its transaction gone', async () => {
    const upsert = serverWith({ queryTimeoutMs: 1_500 });
    const release = await holdLock(db, ID);
    try {
      const answer = await upsert();
      expect(answer.code).toBe('TIMEOUT');
      expect(answer.ms).toBeGreaterThanOrEqual(1_400);
      expect(answer.ms).toBeLessThan(5_000);
      await until(async () => (await waitingUpserts(db)) === 0, 5_000);
    } finally {
      await release();
    }
  });
});

describe('a client that goes away', () => {
  it('has its running transaction stopped in Neo4j and its turn given back', async () => {
    const upsert = serverWith({ admission: { concurrency: 1, queue: 0, queueWaitMs: 0 } });
    const release = await holdLock(db, ID);
    try {
      const client = new AbortController();
      const gone = upsert(client.signal).catch((error: unknown) => error);
      await until(async () => (await waitingUpserts(db)) === 1, 10_000);
      client.abort();
      await gone;
      await until(async () => (await waitingUpserts(db)) === 0, 5_000);
      await release();
      // The one turn is free again: the next request runs.
      expect(await upsert()).toMatchObject({ status: 200, id: ID });
    } finally {
      await release();
    }
  });
});
