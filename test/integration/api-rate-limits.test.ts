import { complexityFromQuery } from '@pothos/plugin-complexity';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { schema } from '../../server/src/graphql/schema/index.ts';
import { createHttpServer, listen, type RunningServer } from '../../server/src/server.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';

const EDITOR = 'editor-token';
const CHEAP = '{ __typename }';
const SEARCH = '{ search(text: "Kaspersky", first: 10) { score entity { id name kind } } }';
const NEIGHBORHOOD = `{ neighborhood(ids: ["kaspersky-lab"], limit: 200) {
  nodes { id name } edges { id type from { id } to { id } } } }`;
const costOf = (query: string) => complexityFromQuery(parse(query), { schema, ctx: {} }).complexity;

/** The API on a real port with the given budgets, so requests come from a real socket. */
function serverWith(rateLimit: Partial<Config['rateLimit']>) {
  const db = connectTestDatabase();
  let running: RunningServer;
  beforeAll(async () => {
    await loadCuratedDatasets(db);
    const base = testConfig({ port: 0, editors: [{ name: 'editor', token: EDITOR }] });
    const config = { ...base, rateLimit: { ...base.rateLimit, ...rateLimit } };
    running = await listen(createHttpServer(config, db), config);
  });
  afterAll(async () => {
    await running.close();
    await db.close();
  });
  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
  return Object.assign(post, { get: (path: string) => fetch(`${running.url}${path}`) });
}

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions: { code: string; retryAfterSeconds?: number } }[];
}

async function refused(response: Response): Promise<Answer> {
  expect(response.status).toBe(429);
  const seconds = Number(response.headers.get('retry-after'));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  const answer = (await response.json()) as Answer;
  expect(answer.errors?.[0]?.extensions).toMatchObject({
    code: 'RATE_LIMITED',
    retryAfterSeconds: seconds,
  });
  expect(answer.errors?.[0]?.extensions).not.toHaveProperty('http');
  return answer;
}

describe('requests per minute, per client', () => {
  const post = serverWith({ requestsPerMinute: 3, costPerMinute: 0 });

  it('answers a client up to its budget, then 429 with Retry-After, naming the limit', async () => {
    for (let i = 0; i < 3; i += 1) expect((await post(CHEAP)).status).toBe(200);
    const answer = await refused(await post(CHEAP));
    expect(answer.errors?.[0]?.message).toMatch(/Rate limit of 3 requests per minute reached/);
    expect(answer.data).toBeUndefined();
  });

  it('does not count health checks, and counts editors as anyone', async () => {
    expect((await post(CHEAP)).status).toBe(429);
    for (const path of ['/health', '/ready']) expect((await post.get(path)).status).toBe(200);
    await refused(await post(CHEAP, { authorization: `Bearer ${EDITOR}` }));
  });

  it('ignores X-Forwarded-For when no proxy is trusted: a client cannot pose as another', async () => {
    await refused(await post(CHEAP, { 'x-forwarded-for': '203.0.113.9' }));
  });
});

describe('behind a trusted reverse proxy', () => {
  const post = serverWith({ requestsPerMinute: 2, costPerMinute: 0, trustProxyHops: 1 });
  const from = (address: string, invented = '') => ({
    'x-forwarded-for': invented ? `${invented}, ${address}` : address,
  });

  it('counts each client by the address the proxy saw, whatever the client wrote before it', async () => {
    expect((await post(CHEAP, from('198.51.100.1'))).status).toBe(200);
    expect((await post(CHEAP, from('198.51.100.1', '10.0.0.1'))).status).toBe(200);
    await refused(await post(CHEAP, from('198.51.100.1', '10.0.0.2')));
    // Another client behind the same proxy has a budget of its own.
    expect((await post(CHEAP, from('198.51.100.2'))).status).toBe(200);
  });

  it('counts the addresses of one IPv6 /64 as one client', async () => {
    expect((await post(CHEAP, from('2001:db8:1:2::a'))).status).toBe(200);
    expect((await post(CHEAP, from('2001:db8:1:2:ffff::b'))).status).toBe(200);
    await refused(await post(CHEAP, from('2001:db8:1:2::c')));
    expect((await post(CHEAP, from('2001:db8:1:3::a'))).status).toBe(200);
  });
});

describe('query cost per minute, per client', () => {
  const neighborhood = costOf(NEIGHBORHOOD);
  const search = costOf(SEARCH);
  // Room for two neighbourhoods and one search, not for a third neighbourhood.
  const budget = 2 * neighborhood + search;
  const post = serverWith({ requestsPerMinute: 0, costPerMinute: budget });

  it('charges each query what the cost check prices it at, and refuses one over the budget', async () => {
    expect(neighborhood).toBeGreaterThan(search);
    for (let i = 0; i < 2; i += 1) {
      const answer = (await (await post(NEIGHBORHOOD)).json()) as Answer;
      expect(answer.errors).toBeUndefined();
    }
    const answer = await refused(await post(NEIGHBORHOOD));
    expect(answer.errors?.[0]?.message).toContain(`Rate limit of ${budget} cost points per minute`);
  });

  it('a refused query spends nothing: a cheaper one still fits what is left', async () => {
    const response = await post(SEARCH);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toHaveProperty('search');
    // The budget is now spent to the point.
    await refused(await post(SEARCH));
  });

  it('charges editors as anyone', async () => {
    await refused(await post(NEIGHBORHOOD, { authorization: `Bearer ${EDITOR}` }));
  });
});
