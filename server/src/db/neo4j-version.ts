import type { Database } from './database.ts';

/**
 * The oldest Neo4j whose Cypher the server's queries are written in: `CALL (x) { }` scoped
 * subqueries and `SHORTEST k` paths arrived in 5.23.
 */
export const MINIMUM_NEO4J_VERSION = '5.23';

/** The parts of a version as numbers: '5.26.0' -> [5, 26, 0]; calendar versions (2025.01.0) alike. */
function parts(version: string): number[] {
  return version.split(/[.-]/).map((part) => Number.parseInt(part, 10));
}

/** True when `version` is `minimum` or newer; parts it does not have count as 0. */
export function isAtLeast(version: string, minimum: string): boolean {
  const [have, need] = [parts(version), parts(minimum)];
  for (let i = 0; i < Math.max(have.length, need.length); i += 1) {
    const [a, b] = [have[i] ?? 0, need[i] ?? 0];
    if (Number.isNaN(a)) return false;
    if (a !== b) return a > b;
  }
  return true;
}

export class UnsupportedNeo4jError extends Error {}

const READ_VERSION = `
CALL dbms.components() YIELD name, versions
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version`;

/** Neo4j's version, as its kernel reports it. */
export async function readNeo4jVersion(db: Database): Promise<string> {
  const [row] = await db.read<{ version: string }>(READ_VERSION);
  if (!row) throw new Error('dbms.components() returned no Neo4j Kernel row');
  return row.version;
}

/** Throws when `version` is older than MINIMUM_NEO4J_VERSION, naming it and the one needed. */
export function assertSupportedVersion(version: string, uri: string): void {
  if (isAtLeast(version, MINIMUM_NEO4J_VERSION)) return;
  throw new UnsupportedNeo4jError(
    `Neo4j at ${uri} is version ${version}; Entente needs ${MINIMUM_NEO4J_VERSION} or newer (its Cypher uses CALL (x) { } and SHORTEST k). Upgrade Neo4j or point NEO4J_URI at a newer one.`,
  );
}
