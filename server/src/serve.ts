// The start and the shutdown of a serving process, shared by `npm run serve` (main.ts) and
// `npm start` (scripts/start.ts): the driver, the version check, the schema, the HTTP server,
// and a drained shutdown on SIGTERM or SIGINT.
import type { Config } from './config.ts';
import { createDatabase, type Database } from './db/database.ts';
import { createDriver } from './db/driver.ts';
import { assertSupportedVersion, readNeo4jVersion } from './db/neo4j-version.ts';
import { ensureSchema } from './db/schema.ts';
import { createLogger, type Logger } from './logger.ts';
import { createHttpServer, listen, type RunningServer } from './server.ts';

export interface ServeOptions {
  config: Config;
  /** Where the server logs; by default JSON lines on stdout at config.logLevel. */
  logger?: Logger;
  /** Runs once the schema is in place, before the server listens: seeding, building the web. */
  prepare?: (db: Database) => Promise<void>;
  /** Runs last when the process stops, after the server and the driver closed: a local Neo4j's stop. */
  cleanup?: () => Promise<void>;
}

const firstLine = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);

/**
 * Starts serving and stops on SIGTERM or SIGINT by draining (RunningServer.close), then exits 0.
 * When the start fails, what it opened is closed and the
 * error thrown, for the caller to report.
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const { config } = options;
  let cleaned: Promise<void> | undefined;
  const cleanup = () => {
    cleaned ??= options.cleanup?.() ?? Promise.resolve();
    return cleaned;
  };
  const logger = options.logger ?? createLogger(config.logLevel);
  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, {
    database: config.neo4j.database,
    timeoutMs: config.queryTimeoutMs,
  });
  /** Runs a step of the start, its failure told with what it was doing and where. */
  const inNeo4j = async <T>(doing: string, step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      throw new Error(`Could not ${doing} of Neo4j at ${config.neo4j.uri}: ${firstLine(error)}`);
    }
  };
  let running: RunningServer | undefined;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A signal often comes twice (to the process group, and passed on by npm or bootstrap.mjs):
    // the drain already under way is not cut short.
    if (stopping) return;
    stopping = true;
    logger.info({ signal, drainMs: config.shutdown.drainMs }, 'shutting down');
    await running?.close();
    await driver.close();
    await cleanup();
    logger.info('stopped');
    process.exit(0);
  };
  // From the start, so that a local Neo4j started for this run is stopped however it ends.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
  try {
    // A Neo4j of the project's own is the version it pins (scripts/neo4j/settings.ts).
    if (!config.neo4j.managed) {
      const neo4jVersion = await inNeo4j('read the version', () => readNeo4jVersion(db));
      assertSupportedVersion(neo4jVersion, config.neo4j.uri);
      logger.info({ neo4jVersion }, 'Neo4j version accepted');
    }
    await inNeo4j('set up the schema', () => ensureSchema(db));
    await options.prepare?.(db);
    running = await listen(createHttpServer(config, db, { logger }), config);
  } catch (error) {
    await driver.close();
    await cleanup();
    throw error;
  }
  return running;
}
