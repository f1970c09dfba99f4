import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Neo4jSettings, neo4jSettings } from '../../scripts/neo4j/settings.ts';
import { freePort } from './serving-process.ts';

/**
 * Settings for a Neo4j of a test's own, for tests that stop, kill or replace it: a fresh home
 * in the temporary directory, free ports, little memory. The test removes the home.
 */
export async function scratchSettings(prefix = 'entente-neo4j-'): Promise<Neo4jSettings> {
  return {
    ...neo4jSettings('test'),
    password: 'scratch-pass',
    home: mkdtempSync(join(tmpdir(), prefix)),
    boltPort: await freePort(),
    httpPort: await freePort(),
    heap: '512m',
    pageCache: '64m',
  };
}
