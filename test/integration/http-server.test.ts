import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHttpServer,
  listen,
  MAX_BODY_BYTES,
  type RunningServer,
} from '../../server/src/server.ts';
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

  it('refuses a body over the limit before reading it', async () => {
    const ids = Array.from({ length: MAX_BODY_BYTES / 10 }, (_, i) => `id-${i}`);
    const body = JSON.stringify({
      query: 'query($ids: [ID!]!) { subgraph(ids: $ids) { truncated } }',
      variables: { ids },
    });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    const answer = await response.json();
    expect(answer.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer.errors[0].message).toContain(String(MAX_BODY_BYTES));
  });

  it('refuses a body of unknown length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"query":');
      req.end('"{ __typename }"}');
    });
    expect(status).toBe(411);
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
