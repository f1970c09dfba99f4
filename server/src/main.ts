// Runs the API against the Neo4j named by the environment (`npm start` also manages a local one).
import { describeRateLimits, loadConfig } from './config.ts';
import { createDatabase } from './db/database.ts';
import { createDriver } from './db/driver.ts';
import { ensureSchema } from './db/schema.ts';
import { createHttpServer, listen } from './server.ts';

const config = loadConfig();
const driver = createDriver(config.neo4j);
const db = createDatabase(driver, {
  database: config.neo4j.database,
  timeoutMs: config.queryTimeoutMs,
});
await ensureSchema(db);
const running = await listen(createHttpServer(config, db), config);
console.log(`Entente API at ${running.url}/graphql`);
console.log(describeRateLimits(config));

const shutdown = async () => {
  await running.close();
  await driver.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
