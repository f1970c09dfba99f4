import { afterAll, describe, expect, inject, it } from 'vitest';
import { assertSupportedVersion, readNeo4jVersion } from '../../server/src/db/neo4j-version.ts';
import { connectTestDatabase } from '../helpers/database.ts';

const db = connectTestDatabase();
afterAll(() => db.close());

describe('the version check at start', () => {
  it('reads the version of the real test Neo4j', async () => {
    expect(await readNeo4jVersion(db)).toMatch(/^5\.26\.\d+$/);
  });

  it('accepts the test Neo4j (5.26)', async () => {
    const version = await readNeo4jVersion(db);
    expect(() => assertSupportedVersion(version, inject('neo4j').uri)).not.toThrow();
  });
});
