// The API and the explorer against the Neo4j named by the environment: `npm run serve` runs the
// compiled copy of this file (dist/server/src/main.js); `npm start` also manages a local Neo4j.
import { ConfigError, describeRateLimits, loadConfig } from './config.ts';
import { createDatabase } from './db/database.ts';
import { createDriver } from './db/driver.ts';
import { ensureSchema } from './db/schema.ts';
import { createHttpServer, listen } from './server.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, {
    database: config.neo4j.database,
    timeoutMs: config.queryTimeoutMs,
  });
  try {
    await ensureSchema(db);
  } catch (error) {
    await driver.close();
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Could not set up the schema in Neo4j at ${config.neo4j.uri}: ${message}`);
  }
  const running = await listen(createHttpServer(config, db), config);
  console.log(`Entente explorer at ${running.url}/, API at ${running.url}/graphql`);
  console.log(describeRateLimits(config));

  const shutdown = async () => {
    await running.close();
    await driver.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigError ? message : `Error: ${message}`);
  process.exit(1);
});
