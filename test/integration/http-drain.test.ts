// Shutting down drains: /ready fails first, the requests in flight finish (for a bounded time),
// then the connections close. The request in flight is an upsert held up by a lock of the test's
// own (test/helpers/held-lock.ts), on a real port.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { createHttpServer, listen } from '../../server/src/server.ts';
import { EDITOR, UPSERT_ENTITY } from '../helpers/curation.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { holdLock, until, waitingUpserts } from '../helpers/held-lock.ts';

const db = connectTestDatabase();
const ID = 'drain-probe';
const input = { id: ID, kind: 'COMPANY', name: 'Drain Probe Ltd' };

beforeAll(() => ensureSchema(db));
afterAll(async () => {
  await db.write('MATCH (e:Entity {id: $id}) DETACH DELETE e', { id: ID });
  await db.close();
});

async function serving(shutdown: Config['shutdown']) {
  const config = testConfig({
    port: 0,
    editors: [{ name: 'editor', token: 'editor-token' }],
    shutdown,
  });
  const running = await listen(createHttpServer(config, db), config);
  return { ...running, url: running.url.replace('localhost', '127.0.0.1') };
}

/** A GET on a connection of its own: its status, or the error code of a refused connection. */
function probe(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

function upsert(url: string) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...EDITOR },
    body: JSON.stringify({ query: UPSERT_ENTITY, variables: { input } }),
  });
}

describe('close()', () => {
  it('fails /ready first, lets the request in flight finish with its answer, then refuses connections', async () => {
    const running = await serving({ noticeMs: 600, drainMs: 10_000 });
    const release = await holdLock(db, ID);
    try {
      expect(await probe(`${running.url}/ready`)).toBe(200);
      const inFlight = upsert(running.url);
      await until(async () => (await waitingUpserts(db)) === 1, 10_000);
      const began = Date.now();
      let closed = 0;
      const closing = running.close().then(() => {
        closed = Date.now();
      });
      // While the notice lasts the server still accepts, and tells a balancer to look elsewhere.
      expect(await probe(`${running.url}/ready`)).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await probe(`${running.url}/ready`)).toBe('ECONNREFUSED');
      expect(closed).toBe(0);
      await release();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect((await response.json()).data.upsertEntity.id).toBe(ID);
      await closing;
      expect(closed - began).toBeLessThan(10_000);
    } finally {
      await release();
      await running.close();
    }
  });

  it('closes a request that outlasts the drain deadline, and resolves by then', async () => {
    const running = await serving({ noticeMs: 0, drainMs: 500 });
    const release = await holdLock(db, ID);
    try {
      const inFlight = upsert(running.url).then(
        (response) => response.status,
        (error: Error) => error,
      );
      await until(async () => (await waitingUpserts(db)) === 1, 10_000);
      const began = Date.now();
      await running.close();
      const took = Date.now() - began;
      expect(took).toBeGreaterThanOrEqual(450);
      expect(took).toBeLessThan(2_000);
      // The connection was cut under it: no answer came.
      expect(await inFlight).toBeInstanceOf(Error);
      expect(await probe(`${running.url}/health`)).toBe('ECONNREFUSED');
    } finally {
      await release();
    }
  });

  it('with nothing in flight / resolves at once', async () => {
    const running = await serving({ noticeMs: 0, drainMs: 10_000 });
    expect(await probe(`${running.url}/health`)).toBe(200);
    const began = Date.now();
    await running.close();
    expect(Date.now() - began).toBeLessThan(500);
  });
});
