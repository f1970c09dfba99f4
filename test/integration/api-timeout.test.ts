import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSynthetic } from '../../seed/src/synthetic-load.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { codes, createClient, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
let hubs: string[] = [];

beforeAll(async () => {
  await ensureSchema(db);
  await loadSynthetic(db, { entities: 8_000, seed: 7 });
  const rows = await db.read<{ id: string }>(
    'MATCH (e:Entity) WITH e, COUNT { (e)--() } AS degree ORDER BY degree DESC LIMIT 20 RETURN e.id AS id',
  );
  hubs = rows.map((row) => row.id);
});
afterAll(() => db.close());

const WIDE = `query($ids: [ID!]!) {
  neighborhood(ids: $ids, depth: 3, limit: 2000) { nodes { id } edges { id } }
}`;

describe('a query that runs over the transaction timeout', () => {
  it('is stopped by Neo4j and reported as TIMEOUT, with the limit in the message', async () => {
    const impatient = createDatabase(db.driver, { database: 'neo4j', timeoutMs: 1 });
    const result = await createClient(impatient, { queryTimeoutMs: 1 })(WIDE, { ids: hubs });
    expect(codes(result)).toEqual(['TIMEOUT']);
    expect(result.errors?.[0]?.message).toBe(
      'The query took longer than 1 ms and was stopped; narrow it.',
    );
  });

  it('runs to the end under the normal timeout', async () => {
    const data = await ok<{ neighborhood: { nodes: unknown[] } }>(
      createClient(db)(WIDE, { ids: hubs }),
    );
    expect(data.neighborhood.nodes.length).toBeGreaterThan(100);
  });
});

describe('a client that goes away while its query runs', () => {
  const running = async () =>
    (
      await db.read<{ n: number }>(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n",
      )
    )[0]?.n ?? 0;

  it('has the query stopped in Neo4j at once, not run to its end', async () => {
    const yoga = createEntenteYoga({ db, config: testConfig() });
    const client = new AbortController();
    const asked = Promise.resolve(
      yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: WIDE, variables: { ids: hubs } }),
        signal: client.signal,
      }),
    ).catch((error: unknown) => error);
    const deadline = Date.now() + 10_000;
    while ((await running()) === 0) {
      if (Date.now() > deadline) throw new Error('the query never showed in SHOW TRANSACTIONS');
    }
    client.abort();
    const aborted = Date.now();
    while ((await running()) > 0) {
      if (Date.now() - aborted > 1_000) throw new Error('the query still ran 1 s after the abort');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await asked;
  });
});
