import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { pingDatabase } from '../db/health-repository.ts';
import { createContext, type ServerContext } from './context.ts';
import { EXAMPLE_QUERY } from './graphiql-examples.ts';
import { maskError } from './plugins/use-error-codes.ts';
import { useQueryLimits } from './plugins/use-query-limits.ts';
import { schema } from './schema/index.ts';

export function createEntenteYoga(server: ServerContext) {
  const { config } = server;
  return createYoga({
    schema,
    context: createContext(server),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql:
      config.mode === 'development'
        ? { title: 'Entente GraphiQL', defaultQuery: EXAMPLE_QUERY }
        : false,
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins } : false,
    maskedErrors: { maskError: maskError(config.queryTimeoutMs) },
    logging: config.mode === 'test' ? false : 'info',
    plugins: [
      ...useQueryLimits({ hideSuggestions: config.mode === 'production' }),
      // Compiles each validated query once and runs it without graphql-js's generic walk.
      useGraphQlJit(),
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
