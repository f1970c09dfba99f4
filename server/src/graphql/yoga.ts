import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga, type Plugin } from 'graphql-yoga';
import { pingDatabase } from '../db/health-repository.ts';
import { createLogger, type Logger, yogaLogger } from '../logger.ts';
import { createAdmission } from './admission.ts';
import { createContext, type ServerContext } from './context.ts';
import { EXAMPLE_QUERY } from './graphiql-examples.ts';
import { createMetrics } from './metrics.ts';
import { useAdmission } from './plugins/use-admission.ts';
import { useAuthorization } from './plugins/use-authorization.ts';
import { useErrorCodes } from './plugins/use-error-codes.ts';
import { useMetrics } from './plugins/use-metrics.ts';
import { useOutageHold } from './plugins/use-outage-hold.ts';
import { useQueryLimits } from './plugins/use-query-limits.ts';
import { createRateLimits, useRateLimits } from './plugins/use-rate-limits.ts';
import { useRequestLog } from './plugins/use-request-log.ts';
import { schema } from './schema/index.ts';

/** The largest request body the API reads: a query and its variables, never an upload. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * `/ready`: 200 while Neo4j answers, 503 when it does not (at once while it is known to be
 * unreachable) and once the server is shutting down. Yoga's own readiness plugin also
 * matches every request against a URLPattern, which Node 20 only has as a slow polyfill.
 */
function useReadiness(check: () => Promise<unknown>, draining: () => boolean): Plugin {
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== '/ready') return;
      if (draining()) return endResponse(new fetchAPI.Response(null, { status: 503 }));
      return check().then(
        () => endResponse(new fetchAPI.Response(null, { status: 200 })),
        () => endResponse(new fetchAPI.Response(null, { status: 503 })),
      );
    },
  };
}

export interface YogaOptions {
  /**
   * The HTTP server in front has already refused bodies over MAX_BODY_BYTES and bodies of unknown
   * length (server.ts), so Yoga need not pass every body through a counting stream of its own.
   */
  bodyLimited?: boolean;
  /** Where the server logs; by default JSON lines on stdout at config.logLevel. */
  logger?: Logger;
  /** True once the server is shutting down: /ready then fails, so no new traffic is sent. */
  draining?: () => boolean;
}

export function createEntenteYoga(server: ServerContext, options: YogaOptions = {}) {
  const { config } = server;
  const rateLimits = createRateLimits(config);
  const admission = createAdmission(config.admission);
  const logger = options.logger ?? createLogger(config.logLevel);
  server.db.onRecovered(() => {
    admission.restart();
    logger.info('Neo4j answers again');
  });
  const metrics = config.metrics
    ? createMetrics({ admission, db: server.db, poolSize: config.neo4j.poolSize })
    : undefined;
  return createYoga({
    schema,
    maxRequestBodySize: options.bodyLimited ? false : MAX_BODY_BYTES,
    context: createContext(server),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql:
      config.mode === 'development'
        ? { title: 'Entente GraphiQL', defaultQuery: EXAMPLE_QUERY }
        : false,
    // GraphiQL from the package, inlined in the page, not from a CDN: it works offline and where
    // a network allows only this server. Loaded when first asked for, so production never does.
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins } : false,
    // Masking stays on: what useErrorCodes leaves unexplained becomes "Unexpected error.".
    maskedErrors: { isDev: false },
    logging: yogaLogger(logger),
    plugins: [
      useRequestLog({ logger, onAnswered: metrics?.observe }),
      ...(metrics ? [useMetrics(metrics)] : []),
      useRateLimits(rateLimits),
      useAuthorization(config),
      useQueryLimits({
        hideSuggestions: config.mode === 'production',
        chargeCost: rateLimits.chargeCost,
      }),
      useErrorCodes({
        timeoutMs: config.queryTimeoutMs,
        retryAfterSeconds: config.retryAfterSeconds,
      }),
      // Compiles each validated query once and runs it without graphql-js's generic walk.
      useGraphQlJit(),
      useOutageHold(server.db),
      useAdmission({
        admission,
        queueWaitMs: config.admission.queueWaitMs,
        retryAfterSeconds: config.retryAfterSeconds,
      }),
      useReadiness(() => pingDatabase(server.db), options.draining ?? (() => false)),
    ],
  });
}
