import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpNeo4j, restoreNeo4j } from '../../scripts/neo4j/backup.ts';
import { runningPid, startNeo4j, stopNeo4j } from '../../scripts/neo4j/server.ts';
import { boltUri, type Neo4jSettings } from '../../scripts/neo4j/settings.ts';
import { importDatasets } from '../../seed/src/import.ts';
import { DATASETS_DIR } from '../../seed/src/inputs.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { countGraph, snapshot } from '../helpers/graph.ts';
import { scratchSettings } from '../helpers/scratch-neo4j.ts';

// `npm run db:dump` and `db:restore` stop and start the Neo4j they manage, so they are tried on
// a Neo4j of this test's own, never the run's test Neo4j.

const quiet = () => {};
let settings: Neo4jSettings;
let driver: ReturnType<typeof createDriver> | undefined;
let db: Database;

/**
 * A new driver, as a server started after a restore has: the old one's bookmarks name
 * transactions the restored database never had, and it would wait for them.
 */
async function connect(uri: string): Promise<void> {
  await driver?.close();
  driver = createDriver({ uri, user: settings.user, password: settings.password });
  db = createDatabase(driver, { database: 'neo4j', timeoutMs: 60_000 });
}

beforeAll(async () => {
  settings = await scratchSettings();
  const { uri } = await startNeo4j(settings, quiet);
  await connect(uri);
  await ensureSchema(db);
  const seeded = await importDatasets(db, uri, {
    paths: [join(DATASETS_DIR, 'kaspersky-eu-2018')],
  });
  expect(seeded.exitCode).toBe(0);
}, 240_000);
afterAll(async () => {
  await driver?.close();
  if (settings) {
    await stopNeo4j(settings, quiet);
    rmSync(settings.home, { recursive: true, force: true });
  }
});

describe('a dump of the local Neo4j', { timeout: 240_000 }, () => {
  it('restores, after the database was emptied, to the same graph, fingerprints and all', async () => {
    const before = await snapshot(db);
    const counts = await countGraph(db);
    expect(counts.nodes).toBeGreaterThan(0);
    const file = join(settings.home, 'backups', 'before.dump');
    const bytes = await dumpNeo4j(settings, file, quiet);
    expect(bytes).toBeGreaterThan(0);
    // The Neo4j that was running was started again.
    expect(runningPid(settings)).toBeDefined();

    await db.write('MATCH (n) DETACH DELETE n');
    expect(await countGraph(db)).toEqual({ nodes: 0, relationships: 0 });

    await restoreNeo4j(settings, file, quiet);
    expect(runningPid(settings)).toBeDefined();
    await connect(boltUri(settings));
    expect(await countGraph(db)).toEqual(counts);
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses a file that is not a dump, naming it, with the database untouched', async () => {
    const before = await snapshot(db);
    const pid = runningPid(settings);
    const bogus = join(settings.home, 'not-a.dump');
    writeFileSync(bogus, 'certainly not a Neo4j dump\n');
    await expect(restoreNeo4j(settings, bogus, quiet)).rejects.toThrow(
      `Reading ${bogus} as a Neo4j dump failed`,
    );
    await expect(
      restoreNeo4j(settings, join(settings.home, 'missing.dump'), quiet),
    ).rejects.toThrow(/missing\.dump: no such file/);
    // Not even stopped: the check comes first.
    expect(runningPid(settings)).toBe(pid);
    expect(await snapshot(db)).toBe(before);
  });
});
