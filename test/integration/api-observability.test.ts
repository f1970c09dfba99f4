// What an operator sees of the API on a real port: one JSON access line per request with its id,
// and Prometheus metrics of requests, admission and the Neo4j pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { createHttpServer, listen, type RunningServer } from '../../server/src/server.ts';
import { EDITOR } from '../helpers/curation.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { holdLock, until, waitingUpserts } from '../helpers/held-lock.ts';
import { captureLogs } from '../helpers/logs.ts';

const db = connectTestDatabase();
const ID = 'observability-probe';
const HELD_UPSERT = `mutation HeldUpsert($input: UpsertEntityInput!) { upsertEntity(input: $input) { id } }`;
const input = { id: ID, kind: 'COMPANY', name: 'Observability Probe Ltd' };

beforeAll(() => ensureSchema(db));
afterAll(async () => {
  await db.write('MATCH (e:Entity {id: $id}) DETACH DELETE e', { id: ID });
  await db.close();
});

async function serving(overrides: Partial<Config> = {}) {
  const { logger, lines } = captureLogs();
  const config = testConfig({
    port: 0,
    editors: [{ name: 'editor', token: 'editor-token' }],
    ...overrides,
  });
  const running = await listen(createHttpServer(config, db, { logger }), config);
  const url = running.url.replace('localhost', '127.0.0.1');
  const post = (query: string, headers: Record<string, string> = {}, variables = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
  const metrics = async () => {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const accessLines = () => lines.filter((line) => line.msg === 'request');
  return { running, url, post, metrics, lines, accessLines };
}

/** The value of one sample in Prometheus text, e.g. `name{label="x"} 3`. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('the access log', () => {
  let server: Awaited<ReturnType<typeof serving>>;
  let running: RunningServer;
  beforeAll(async () => {
    server = await serving();
    running = server.running;
  });
  afterAll(() => running.close());

  it('writes one JSON line per request with the caller’s sane request id, echoed in X-Request-Id', async () => {
    const response = await server.post('query Probe { __typename }', { 'x-request-id': 'lb-1234' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('lb-1234');
    const mine = server.accessLines().filter((line) => line.requestId === 'lb-1234');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 30,
      path: '/graphql',
      operation: 'Probe',
      outcome: 'answered',
      status: 200,
    });
    expect(mine[0]?.durationMs).toBeGreaterThan(0);
    expect(mine[0]?.durationMs).toBeLessThan(5_000);
  });

  it('gives a request without a sane id one of its own, different each time', async () => {
    const first = await server.post('{ __typename }', { 'x-request-id': 'has spaces & "quotes"' });
    const second = await server.post('{ __typename }');
    const ids = [first, second].map((response) => response.headers.get('x-request-id'));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    for (const id of ids) {
      expect(server.accessLines().filter((line) => line.requestId === id)).toMatchObject([
        { operation: 'anonymous', outcome: 'answered' },
      ]);
    }
  });

  it('names the error code of a refused request as its outcome, with its HTTP status', async () => {
    const response = await server.post('query Broken { noSuchField }');
    const id = response.headers.get('x-request-id');
    expect(server.accessLines().filter((line) => line.requestId === id)).toMatchObject([
      { operation: 'Broken', outcome: 'GRAPHQL_VALIDATION_FAILED', status: response.status },
    ]);
  });

  it('logs /ready and /health too, without an operation', async () => {
    const response = await fetch(`${server.url}/ready`, { headers: { 'x-request-id': 'probe-7' } });
    expect(response.status).toBe(200);
    expect(server.accessLines().filter((line) => line.requestId === 'probe-7')).toEqual([
      expect.objectContaining({ path: '/ready', outcome: 'answered', status: 200 }),
    ]);
    expect(server.accessLines().find((line) => line.requestId === 'probe-7')).not.toHaveProperty(
      'operation',
    );
  });
});

describe('an unexpected error', () => {
  it('is answered masked, and logged as one JSON error line with what the answer hides', async () => {
    const { logger, lines } = captureLogs();
    const broken = createDatabase(db.driver, { database: 'no-such-database', timeoutMs: 1000 });
    const yoga = createEntenteYoga({ config: testConfig(), db: broken }, { logger });
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'broken-1' },
      body: JSON.stringify({ query: 'query Stats { stats { entities } }' }),
    });
    const body = await response.json();
    expect(body.errors[0].message).toBe('Unexpected error.');
    const errors = lines.filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0]?.err)).toMatch(/no-such-database/);
    expect(lines.filter((line) => line.requestId === 'broken-1')).toMatchObject([
      { msg: 'request', operation: 'Stats', outcome: 'INTERNAL_SERVER_ERROR' },
    ]);
  });
});

describe('/metrics', () => {
  it('counts requests by operation and outcome, and shows admission and Neo4j pool use', async () => {
    const server = await serving({ admission: { concurrency: 1, queue: 1, queueWaitMs: 30_000 } });
    const release = await holdLock(db, ID);
    try {
      const upsert = () => server.post(HELD_UPSERT, EDITOR, { input });
      const running = upsert();
      await until(async () => (await waitingUpserts(db)) === 1, 10_000);
      const waiting = upsert();
      let text = '';
      await until(async () => {
        text = await server.metrics();
        return sample(text, 'entente_admission_waiting') === 1;
      }, 10_000);
      expect(sample(text, 'entente_admission_running')).toBe(1);
      expect(sample(text, 'entente_neo4j_operations_active')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'entente_neo4j_pool_size')).toBe(50);
      // No room to wait: refused at once, and logged as a warning under the request's id.
      const refused = await upsert();
      expect(refused.status).toBe(503);
      const refusedId = refused.headers.get('x-request-id');
      expect(server.lines.filter((line) => line.requestId === refusedId)).toMatchObject([
        { level: 40, code: 'OVERLOADED', count: 1 },
        { msg: 'request', operation: 'HeldUpsert', outcome: 'OVERLOADED', status: 503 },
      ]);
      await release();
      expect((await running).status).toBe(200);
      expect((await waiting).status).toBe(200);
      text = await server.metrics();
      const requests = (outcome: string) =>
        sample(
          text,
          'entente_graphql_requests_total',
          `{operation="HeldUpsert",outcome="${outcome}"}`,
        );
      expect(requests('answered')).toBe(2);
      expect(requests('OVERLOADED')).toBe(1);
      expect(
        sample(
          text,
          'entente_graphql_request_duration_seconds_count',
          '{operation="HeldUpsert",outcome="answered"}',
        ),
      ).toBe(2);
      expect(sample(text, 'entente_admission_running')).toBe(0);
      expect(sample(text, 'entente_admission_waiting')).toBe(0);
      expect(text).toContain('process_cpu_seconds_total');
    } finally {
      await release();
      await server.running.close();
    }
  });

  it('with METRICS=off / is not there', async () => {
    const yoga = createEntenteYoga({ config: testConfig({ metrics: false }), db });
    expect((await yoga.fetch('http://test/metrics')).status).toBe(404);
  });
});
