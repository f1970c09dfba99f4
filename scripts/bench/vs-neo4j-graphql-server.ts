// The benchmark's other side: @neo4j/graphql's generated schema over the same database, served
// by graphql-yoga in a process of its own, with the same driver settings as Entente's server.
// Started by scripts/bench/vs-neo4j-graphql.ts; listens on 127.0.0.1:$PORT until SIGTERM.

import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { loadConfig } from '../../server/src/config.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { serveUntilTerminated } from './api-http.ts';
import { TYPE_DEFS } from './vs-neo4j-graphql-typedefs.ts';

async function main() {
  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
  const yoga = createYoga({ schema, graphiql: false, logging: 'error' });
  serveUntilTerminated(yoga, () => driver.close());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
