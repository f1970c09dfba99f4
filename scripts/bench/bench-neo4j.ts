// The benchmarks' own Neo4j: wiped, started, and stopped again by the script that started it.

import { createProgressReporter } from '../../seed/src/progress.ts';
import { generateSynthetic, syntheticTitle } from '../../seed/src/synthetic.ts';
import { loadSynthetic, type SyntheticLoadResult } from '../../seed/src/synthetic-load.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { startNeo4j, stopNeo4j, wipeNeo4j } from '../neo4j/server.ts';
import { type Neo4jSettings, neo4jSettings } from '../neo4j/settings.ts';

export interface BenchNeo4j {
  settings: Neo4jSettings;
  db: Database;
  /** Closes the driver and stops the Neo4j. */
  stop(): Promise<void>;
}

/**
 * Empties and starts the `bench` Neo4j (its ports from NEO4J_BENCH_BOLT_PORT and
 * NEO4J_BENCH_HTTP_PORT) and applies the schema; `timeoutMs` limits each transaction (0: none).
 */
export async function startBenchNeo4j(
  log: (line: string) => void,
  timeoutMs: number,
): Promise<BenchNeo4j> {
  const settings = neo4jSettings('bench');
  await wipeNeo4j(settings, log);
  const { uri } = await startNeo4j(settings, log);
  const driver = createDriver({ uri, user: settings.user, password: settings.password });
  const db = createDatabase(driver, { database: 'neo4j', timeoutMs });
  const stop = async () => {
    await driver.close();
    await stopNeo4j(settings, log);
  };
  try {
    await ensureSchema(db);
  } catch (error) {
    await stop();
    throw error;
  }
  return { settings, db, stop };
}

/** Seeds the synthetic graph of `entities` entities into `db`, its progress on stderr. */
export async function seedSyntheticGraph(
  db: Database,
  options: { entities: number; seed: number },
  log: (line: string) => void,
): Promise<SyntheticLoadResult> {
  log(`Seeding ${options.entities.toLocaleString('en-GB')} synthetic entities ...`);
  const progress = createProgressReporter();
  try {
    return await loadSynthetic(db, { ...options, onProgress: (report) => progress.update(report) });
  } finally {
    progress.stop();
  }
}

/**
 * From this size a benchmark keeps the bench database between runs when it already holds the
 * whole synthetic graph asked for: seeding a million entities is paid once.
 */
export const KEEP_FROM = 1_000_000;

/**
 * The size of the synthetic graph of these options if the database holds all of it (its
 * dataset's title names size and seed; the counts must be those the generator gives), else
 * undefined.
 */
export async function keptSyntheticGraph(
  db: Database,
  options: { entities: number; seed: number },
  log: (line: string) => void,
): Promise<{ entities: number; relationships: number } | undefined> {
  const [row] = await db.read<{ title: string | null; entities: number; relationships: number }>(
    `OPTIONAL MATCH (d:Dataset {id: 'synthetic'})
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN d.title AS title, entities, relationships`,
  );
  if (row?.title !== syntheticTitle(options.entities, options.seed)) return undefined;
  if (row.entities !== options.entities) return undefined;
  const expected = generateSynthetic(options).relationships.length;
  if (row.relationships !== expected) return undefined;
  log(`Keeping the bench database: it holds the whole graph (${row.entities} entities).`);
  return { entities: row.entities, relationships: row.relationships };
}

/**
 * Starts the `bench` Neo4j for a graph of `entities`: wiped first below KEEP_FROM, kept as it is
 * from there (keptSyntheticGraph then says whether it holds the graph).
 */
export async function startKeptBenchNeo4j(
  entities: number,
  log: (line: string) => void,
): Promise<{ settings: Neo4jSettings; uri: string; million: boolean }> {
  const settings = neo4jSettings('bench');
  const million = entities >= KEEP_FROM;
  if (!million) await wipeNeo4j(settings, log);
  const { uri } = await startNeo4j(settings, log);
  return { settings, uri, million };
}
