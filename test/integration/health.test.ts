import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { captureLogs, WARN } from '../helpers/logs.ts';

const db = connectTestDatabase();
const MARK = `health-${Date.now()}`;
afterAll(() => db.close());

async function queryHealth(yoga: ReturnType<typeof createEntenteYoga>) {
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ health { neo4jVersion edition nodeCount relationshipCount } }',
    }),
  });
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return body.data.health as {
    neo4jVersion: string;
    edition: string;
    nodeCount: number;
    relationshipCount: number;
  };
}

describe('Query.health', () => {
  const yoga = createEntenteYoga({ config: testConfig(), db });

  afterAll(async () => {
    await db.write('MATCH (n:HealthProbe {mark: $mark}) DETACH DELETE n', { mark: MARK });
  });

  it('reports the Neo4j 5.26 Community the project manages', async () => {
    const health = await queryHealth(yoga);
    expect(health.neo4jVersion).toMatch(/^5\.26\.\d+$/);
    expect(health.edition).toBe('community');
  });

  it('counts nodes and relationships as they are written', async () => {
    const before = await queryHealth(yoga);
    await db.write('CREATE (:HealthProbe {mark: $mark})-[:PROBES]->(:HealthProbe {mark: $mark})', {
      mark: MARK,
    });
    const after = await queryHealth(yoga);
    expect(after.nodeCount - before.nodeCount).toBe(2);
    expect(after.relationshipCount - before.relationshipCount).toBe(1);
  });
});

describe('/health and /ready', () => {
  it('/health answers while the process lives', async () => {
    const yoga = createEntenteYoga({ config: testConfig(), db });
    const response = await yoga.fetch('http://test/health');
    expect(response.status).toBe(200);
  });

  it('/ready answers 200 while Neo4j is reachable', async () => {
    const yoga = createEntenteYoga({ config: testConfig(), db });
    const response = await yoga.fetch('http://test/ready');
    expect(response.status).toBe(200);
  });

  describe('when Neo4j is unreachable', () => {
    const driver = createDriver({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'x' });
    const unreachable = createDatabase(driver, { database: 'neo4j', timeoutMs: 1000 });
    afterAll(() => driver.close());

    it('/ready fails with 503', async () => {
      const yoga = createEntenteYoga({ config: testConfig(), db: unreachable });
      const response = await yoga.fetch('http://test/ready');
      expect(response.status).toBe(503);
    });

    it('each such answer is logged as one JSON line with a running count, without a stack trace', async () => {
      const { logger, lines } = captureLogs();
      const yoga = createEntenteYoga({ config: testConfig(), db: unreachable }, { logger });
      for (let request = 0; request < 3; request += 1) {
        const response = await yoga.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ health { nodeCount } stats { __typename } }' }),
        });
        expect(response.status).toBe(503);
      }
      const warnings = lines.filter((line) => line.level === WARN);
      expect(warnings).toHaveLength(3);
      expect(warnings[2]).toMatchObject({ code: 'SERVICE_UNAVAILABLE', count: 3 });
      expect(warnings[2]?.msg).toMatch(
        /SERVICE_UNAVAILABLE \(3 so far\): The database is unavailable; try again in 2 s\.$/,
      );
      for (const line of warnings) expect(line).not.toHaveProperty('err');
      // Nothing else is worse than a warning: no unexpected error was logged.
      expect(lines.filter((line) => line.level > WARN)).toEqual([]);
    });

    it('a health query is SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, not the address', async () => {
      const yoga = createEntenteYoga({ config: testConfig(), db: unreachable });
      const response = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { nodeCount } }' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      const body = await response.json();
      expect(body.errors[0].extensions).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: 2,
      });
      expect(JSON.stringify(body)).not.toContain('127.0.0.1:9');
    });
  });
});
