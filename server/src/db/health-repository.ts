import type { Database } from './database.ts';

export interface HealthRecord {
  neo4jVersion: string;
  edition: string;
  nodeCount: number;
  relationshipCount: number;
}

const READ_HEALTH = `
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
CALL () { MATCH (n) RETURN count(n) AS nodeCount }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationshipCount }
RETURN versions[0] AS neo4jVersion, edition, nodeCount, relationshipCount`;

export async function readHealth(db: Database): Promise<HealthRecord> {
  const [row] = await db.read<HealthRecord>(READ_HEALTH);
  if (!row) throw new Error('dbms.components() returned no Neo4j Kernel row');
  return row;
}

export function pingDatabase(db: Database): Promise<void> {
  return db.ping();
}
