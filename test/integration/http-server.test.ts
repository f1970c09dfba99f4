import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPRESS_FROM_BYTES,
  createHttpServer,
  EXPLORER_HEADERS,
  listen,
  MAX_BODY_BYTES,
  type RunningServer,
} from '../../server/src/server.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';

const ASSET = 'index-0a1b2c3d.js';
const SCRIPT = `console.log(${JSON.stringify('Entente '.repeat(500))});`;

describe('the HTTP server', () => {
  const db = connectTestDatabase();
  const webDist = mkdtempSync(join(tmpdir(), 'entente-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Entente test page</title>');
  // A built asset with the compressed copies the build writes beside it (vite.config.ts).
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'assets', ASSET), SCRIPT);
  writeFileSync(join(webDist, 'assets', `${ASSET}.br`), brotliCompressSync(SCRIPT));
  writeFileSync(join(webDist, 'assets', `${ASSET}.gz`), gzipSync(SCRIPT));
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

  describe('compresses large answers for clients that accept it', () => {
    // The schema's types with their fields: data-independent, and well over the threshold.
    const large = '{ __schema { types { name description fields { name description } } } }';
    const post = (query: string, acceptEncoding: string) =>
      fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
        body: JSON.stringify({ query }),
      });

    it.each(['gzip', 'br'])('a large answer as %s, decoded to the same JSON', async (encoding) => {
      const plain = await post(large, 'identity');
      expect(plain.headers.get('content-encoding')).toBeNull();
      const text = await plain.text();
      expect(text.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
      const compressed = await post(large, encoding);
      expect(compressed.headers.get('content-encoding')).toBe(encoding);
      expect(compressed.headers.get('vary')).toContain('Accept-Encoding');
      expect(JSON.parse(await compressed.text())).toEqual(JSON.parse(text));
    });

    it('a small answer as it is', async () => {
      const response = await post('{ __typename }', 'gzip, br');
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    });
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

  it('serves the explorer at / and at deep links, checked again on every load', async () => {
    for (const path of ['/', '/explore/kaspersky-lab']) {
      const response = await fetch(`${running.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('Entente test page');
    }
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['identity', null],
  ])('answers Accept-Encoding %s with the build copy encoded as %s', async (accept, encoding) => {
    const response = await fetch(`${running.url}/assets/${ASSET}`, {
      headers: { 'accept-encoding': accept },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe(encoding);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(SCRIPT);
  });

  it('serves the explorer under a content security policy of its own origin, not framed elsewhere', async () => {
    for (const path of ['/', `/assets/${ASSET}`]) {
      const response = await fetch(`${running.url}${path}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toBe(EXPLORER_HEADERS['content-security-policy']);
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers the API unsniffable, without the explorer policy', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('listens on loopback only by default', () => {
    expect(testConfig().host).toBe('127.0.0.1');
  });
});
