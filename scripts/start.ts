// `npm start`: the local Neo4j (unless NEO4J_URI is set), schema, default data, the web build,
// then the server on http://localhost:4000. Ctrl-C or SIGTERM stops the server and any Neo4j
// this run started.
import { describeRateLimits, loadConfig } from '../server/src/config.ts';
import { createDatabase } from '../server/src/db/database.ts';
import { createDriver } from '../server/src/db/driver.ts';
import { ensureSchema } from '../server/src/db/schema.ts';
import { createHttpServer, listen } from '../server/src/server.ts';
import { MissingRequirementError } from './neo4j/requirements.ts';
import { startNeo4j, stopNeo4j } from './neo4j/server.ts';
import { neo4jSettings } from './neo4j/settings.ts';
import { seedDefaults } from './start/seed-defaults.ts';
import { buildWebIfStale } from './start/web-build.ts';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const config = loadConfig();
  const settings = neo4jSettings('dev');
  let stopDatabase = async () => {};
  if (config.neo4j.managed) {
    const result = await startNeo4j(settings, log);
    if (result.started) stopDatabase = async () => void (await stopNeo4j(settings, log));
    else log(`Using the local Neo4j that is already running (pid ${result.pid}).`);
  } else {
    log(`Using Neo4j at ${config.neo4j.uri} (NEO4J_URI).`);
  }

  const driver = createDriver(config.neo4j);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('\nShutting down ...');
    await running?.close();
    await driver.close();
    await stopDatabase();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  let running: Awaited<ReturnType<typeof listen>> | undefined;
  try {
    const db = createDatabase(driver, {
      database: config.neo4j.database,
      timeoutMs: config.queryTimeoutMs,
    });
    await ensureSchema(db);
    await seedDefaults(db, config.neo4j.uri, log);
    buildWebIfStale(config.webDist, log);
    running = await listen(createHttpServer(config, db), config);
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    return;
  }
  log('');
  log(`Entente explorer:  ${running.url}/`);
  log(`GraphQL API:       ${running.url}/graphql`);
  log(describeRateLimits(config));
  log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof MissingRequirementError ? message : `Error: ${message}`);
  process.exit(1);
});
