import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listen, type RunningServer } from '../../server/src/server.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';

describe('the HTTP server', () => {
  const db = connectTestDatabase();
  const webDist = mkdtempSync(join(tmpdir(), 'entente-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Entente test page</title>');
  let running: RunningServer;

  beforeAll(async () => {
    const config = testConfig({ port: 0, webDist });
    running = await listen(createHttpServer(config, db), config);
  });
  afterAll(async () => {
    await running.close();
    await db.close();
  });

  it('serves GraphQL at /graphql on a real port', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { neo4jVersion } }' }),
    });
    const body = await response.json();
    expect(body.data.health.neo4jVersion).toMatch(/^5\.26\./);
  });

  it('serves the explorer at / and at deep links', async () => {
    for (const path of ['/', '/explore/kaspersky-lab']) {
      const response = await fetch(`${running.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Entente test page');
    }
  });

  it('listens on loopback only by default', () => {
    expect(testConfig().host).toBe('127.0.0.1');
  });
});
