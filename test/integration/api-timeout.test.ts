import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSynthetic } from '../../seed/src/synthetic-load.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';
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
