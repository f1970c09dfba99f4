// The API and the explorer against the Neo4j named by the environment: `npm run serve` runs the
// compiled copy of this file (dist/server/src/main.js); `npm start` also manages a local Neo4j.
import { ConfigError, describeRateLimits, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { serve } from './serve.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running = await serve({ config, logger });
  logger.info(
    { url: running.url },
    `Entente explorer at ${running.url}/, API at ${running.url}/graphql`,
  );
  logger.info(describeRateLimits(config));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigError ? message : `Error: ${message}`);
  process.exit(1);
});
