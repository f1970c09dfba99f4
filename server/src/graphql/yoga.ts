import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { pingDatabase } from '../db/health-repository.ts';
import { createContext, type ServerContext } from './context.ts';
import { schema } from './schema/index.ts';

export function createEntenteYoga(server: ServerContext) {
  const { config } = server;
  return createYoga({
    schema,
    context: createContext(server),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.mode === 'development',
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins } : false,
    maskedErrors: true,
    logging: config.mode === 'test' ? false : 'info',
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await pingDatabase(server.db);
            return true;
          } catch {
            return false;
          }
        },
      }),
    ],
  });
}
