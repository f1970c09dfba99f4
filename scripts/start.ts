// `npm start`: the local Neo4j (unless NEO4J_URI is set), schema, default data, the web build,
// then the server on http://localhost:4000. Ctrl-C or SIGTERM stops the server and any Neo4j
// this run started.
import { parseOptions, UsageError } from '../seed/src/cli-options.ts';
import { describeRateLimits, loadConfig } from '../server/src/config.ts';
import { serve } from '../server/src/serve.ts';
import { MissingRequirementError } from './neo4j/requirements.ts';
import { startNeo4j, stopNeo4j } from './neo4j/server.ts';
import { neo4jSettings } from './neo4j/settings.ts';
import { seedDefaults } from './start/seed-defaults.ts';
import { buildWebIfStale } from './start/web-build.ts';

const log = (line: string) => console.log(line);

const USAGE = `Usage: npm start [-- options]

Starts the local Neo4j (unless NEO4J_URI is set), applies the schema, loads the curated datasets
into an empty database (and again those whose files changed), builds what is stale and serves the
explorer and the API on http://localhost:4000 (HOST, PORT). Ctrl-C stops the server and any Neo4j
this run started.

Options:
  -h, --help         this text`;

async function main(): Promise<void> {
  const { values } = parseOptions({
    args: process.argv.slice(2),
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
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
  const running = await serve({
    config,
    prepare: async (db) => {
      await seedDefaults(db, config.neo4j.uri, log);
      buildWebIfStale(config.webDist, log);
    },
    cleanup: stopDatabase,
  });
  log('');
  log(`Entente explorer:  ${running.url}/`);
  log(`GraphQL API:       ${running.url}/graphql`);
  log(describeRateLimits(config));
  log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const plain = error instanceof MissingRequirementError || error instanceof UsageError;
  console.error(plain ? message : `Error: ${message}`);
  process.exit(1);
});
