// The explorer while Neo4j cannot be reached: a TCP hop between the server and the test Neo4j
// that stops listening, as a database that went away does, and listens again.

import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWebIfStale, WEB_DIST } from '../../scripts/start/web-build.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { createHttpServer, listen, type RunningServer } from '../../server/src/server.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { freePort } from '../helpers/serving-process.ts';

function neo4jHop(target: { host: string; port: number }, port: number) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  return {
    up: () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = createConnection(target);
          for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.on('close', () => sockets.delete(socket));
            socket.on('error', () => {});
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
      }),
  };
}

const { uri, user, password } = inject('neo4j');
let hop: ReturnType<typeof neo4jHop>;
let running: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
let close = async () => {};

beforeAll(async () => {
  const direct = connectTestDatabase();
  await loadCuratedDatasets(direct);
  await direct.close();
  const port = await freePort();
  hop = neo4jHop({ host: '127.0.0.1', port: Number(new URL(uri).port) }, port);
  await hop.up();
  const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user, password });
  const db = createDatabase(driver, { database: 'neo4j', timeoutMs: 10_000 });
  const config = testConfig({ port: 0, host: '127.0.0.1', webDist: WEB_DIST.test });
  buildWebIfStale(config.webDist, (line) => console.log(line), 'test');
  running = await listen(createHttpServer(config, db), config);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(running.url.replace('localhost', '127.0.0.1'));
  close = async () => {
    await browser?.close();
    await running?.close();
    await driver.close();
    await hop.down();
  };
}, 240_000);
afterAll(() => close());

describe('the explorer when the database is unreachable', () => {
  it('says it is unavailable and retrying, and shows the answer by itself once it is back', async () => {
    const notice = page.getByRole('status').filter({ hasText: 'The database is unavailable' });
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.waitFor({ timeout: 30_000 });
    await hop.down();
    await search.fill('Kaspersky');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toBe('The database is unavailable, retrying…');
    await hop.up();
    await page
      .getByRole('option', { name: /Kaspersky Lab/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await notice.waitFor({ state: 'detached', timeout: 5_000 });
  });
});
