import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Neo4jSettings, neo4jSettings } from '../../scripts/neo4j/settings.ts';

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Settings for a Neo4j of a test's own, for tests that stop, kill or replace it: a fresh home
 * in the temporary directory, free ports, little memory. The test removes the home.
 */
export async function scratchSettings(): Promise<Neo4jSettings> {
  return {
    ...neo4jSettings('test'),
    password: 'scratch-pass',
    home: mkdtempSync(join(tmpdir(), 'entente-neo4j-')),
    boltPort: await freePort(),
    httpPort: await freePort(),
    heap: '512m',
    pageCache: '64m',
  };
}
