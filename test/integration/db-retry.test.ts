import { createConnection, createServer, type Server, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../server/src/db/database.ts';
import { DatabaseError } from '../../server/src/db/database-errors.ts';
import { createDriver } from '../../server/src/db/driver.ts';

/**
 * A TCP hop between the driver and the test Neo4j that can cut a connection the moment a query
 * naming MARKER arrives, as a failing network or a restarting cluster member would.
 */
const MARKER = 'retryMarker';

function faultyProxy(target: { host: string; port: number }) {
  const state = { cutsLeft: 0, cuts: 0, attempts: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.on('data', (chunk) => {
      if (chunk.includes(MARKER)) {
        state.attempts += 1;
        if (state.cutsLeft > 0) {
          state.cutsLeft -= 1;
          state.cuts += 1;
          client.destroy();
          upstream.destroy();
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return {
    state,
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const { uri, user, password } = inject('neo4j');
const proxy = faultyProxy({ host: '127.0.0.1', port: Number(new URL(uri).port) });
let close: () => Promise<void> = async () => {};
let db: ReturnType<typeof createDatabase>;

beforeAll(async () => {
  const port = await proxy.listen();
  const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user, password });
  db = createDatabase(driver, { database: 'neo4j', timeoutMs: 10_000 });
  // A first read opens and authenticates a pooled connection, so a cut hits a query.
  await db.read('RETURN 1');
  close = async () => {
    await driver.close();
    await proxy.close();
  };
});
afterAll(() => close());

describe('a read when the connection to Neo4j drops', () => {
  it('is retried on a fresh connection and answers', async () => {
    Object.assign(proxy.state, { cutsLeft: 1, cuts: 0, attempts: 0 });
    const rows = await db.read<{ answer: number }>(`RETURN 42 AS answer, '${MARKER}' AS marker`);
    expect(rows).toEqual([{ answer: 42, marker: MARKER }]);
    expect(proxy.state).toMatchObject({ cuts: 1, attempts: 2 });
  });

  it('gives up after three attempts, reporting Neo4j unavailable with the driver error', async () => {
    Object.assign(proxy.state, { cutsLeft: 10, cuts: 0, attempts: 0 });
    const failure = await db.read(`RETURN '${MARKER}' AS marker`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseError);
    expect((failure as DatabaseError).kind).toBe('unavailable');
    expect(neo4j.isRetryableError((failure as DatabaseError).cause)).toBe(true);
    expect(proxy.state).toMatchObject({ cuts: 3, attempts: 3 });
    Object.assign(proxy.state, { cutsLeft: 0 });
    expect(await db.read(`RETURN '${MARKER}' AS marker`)).toEqual([{ marker: MARKER }]);
  });

  it('does not retry a mistake in the query', async () => {
    Object.assign(proxy.state, { cutsLeft: 0, cuts: 0, attempts: 0 });
    const failure = await db.read(`RETURN ${MARKER}(`).catch((error: unknown) => error);
    expect(String(failure)).toMatch(/Invalid input|syntax/i);
    expect(proxy.state.attempts).toBe(1);
  });
});
