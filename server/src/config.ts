import { join } from 'node:path';
import { type Editor, parseEditors } from './editors.ts';
import { PROJECT_ROOT } from './project-root.ts';

export type Mode = 'development' | 'production' | 'test';

export interface Config {
  mode: Mode;
  host: string;
  port: number;
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database: string;
    /** True when NEO4J_URI is unset: the project starts and stops its own local Neo4j. */
    managed: boolean;
    /** Connections the driver keeps to Neo4j at most. */
    poolSize: number;
    /** How long opening a connection may take: an unreachable Neo4j is reported after this. */
    connectTimeoutMs: number;
  };
  /** Deadline of one request to /graphql; its Cypher transactions get the time it has left. */
  queryTimeoutMs: number;
  /** How many requests run against Neo4j at once, and how many more may wait for a turn. */
  admission: {
    concurrency: number;
    queue: number;
    /** How long a request may wait for a turn before it is refused as OVERLOADED. */
    queueWaitMs: number;
  };
  /** What OVERLOADED and SERVICE_UNAVAILABLE answers tell a client to wait (Retry-After). */
  retryAfterSeconds: number;
  /** Origins allowed by CORS; empty means same-origin only. */
  corsOrigins: string[];
  /** Who may call curator mutations, each with the bearer token that proves it (EDITOR_TOKENS). */
  editors: Editor[];
  /** Per-client budgets of the GraphQL endpoint, editors' included; 0 turns a budget off. */
  rateLimit: {
    requestsPerMinute: number;
    /** Query cost (server/src/graphql/cost.ts) a client may spend per minute. */
    costPerMinute: number;
    /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted. */
    trustProxyHops: number;
  };
  webDist: string;
  /** The least severe log lines written (LOG_LEVEL); 'silent' writes none. */
  logLevel: LogLevel;
  /** Whether /metrics answers (METRICS=off turns it off). */
  metrics: boolean;
  /** Shutdown: how long /ready fails before the server stops accepting, then how long requests in flight may take. */
  shutdown: { noticeMs: number; drainMs: number };
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What a shutdown allows past the request deadline for answers to be written out: no request
 * runs longer than queryTimeoutMs (admission waits and transactions included).
 */
export const DRAIN_GRACE_MS = 1_000;

/** The driver's pool and connect timeout when NEO4J_POOL_SIZE and NEO4J_CONNECT_TIMEOUT_MS are unset. */
export const DRIVER_DEFAULTS = { poolSize: 50, connectTimeoutMs: 1_000 };

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function editors(raw: string | undefined): Editor[] {
  try {
    return parseEditors(raw);
  } catch (error) {
    throw new ConfigError(`EDITOR_TOKENS: ${(error as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = (env.NODE_ENV ?? 'development') as Mode;
  if (!['development', 'production', 'test'].includes(mode)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${mode}"`);
  }
  const managed = !env.NEO4J_URI;
  const boltPort = integer(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535);
  const poolSize = integer(env, 'NEO4J_POOL_SIZE', DRIVER_DEFAULTS.poolSize, 1, 10_000);
  // A request may read over two connections at once (its root fields, a loader's batch), so
  // half the pool runs and the pool never makes a request wait.
  const concurrency = integer(
    env,
    'API_CONCURRENCY',
    Math.max(1, Math.floor(poolSize / 2)),
    1,
    poolSize,
  );
  const queryTimeoutMs = integer(env, 'NEO4J_QUERY_TIMEOUT_MS', 10_000, 100, 600_000);
  return {
    mode,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    neo4j: {
      uri: env.NEO4J_URI || `bolt://127.0.0.1:${boltPort}`,
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD || (managed ? 'entente-local' : ''),
      database: env.NEO4J_DATABASE || 'neo4j',
      managed,
      poolSize,
      connectTimeoutMs: integer(
        env,
        'NEO4J_CONNECT_TIMEOUT_MS',
        DRIVER_DEFAULTS.connectTimeoutMs,
        100,
        60_000,
      ),
    },
    queryTimeoutMs,
    admission: {
      concurrency,
      queue: integer(env, 'API_QUEUE', concurrency * 2, 0, 100_000),
      queueWaitMs: integer(env, 'API_QUEUE_WAIT_MS', 2_000, 0, 600_000),
    },
    retryAfterSeconds: integer(env, 'RETRY_AFTER_SECONDS', 2, 1, 3_600),
    corsOrigins: list(env.CORS_ORIGINS),
    editors: editors(env.EDITOR_TOKENS),
    rateLimit: {
      requestsPerMinute: integer(env, 'RATE_LIMIT_REQUESTS', 600, 0, 1_000_000_000),
      costPerMinute: integer(env, 'RATE_LIMIT_COST', 1_000_000, 0, 1_000_000_000_000),
      trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    },
    webDist: env.WEB_DIST || join(PROJECT_ROOT, 'web', 'dist'),
    logLevel: logLevel(env, mode),
    metrics: onOff(env, 'METRICS', true),
    shutdown: {
      noticeMs: integer(env, 'SHUTDOWN_NOTICE_MS', 0, 0, 600_000),
      drainMs: queryTimeoutMs + DRAIN_GRACE_MS,
    },
  };
}

function logLevel(env: NodeJS.ProcessEnv, mode: Mode): LogLevel {
  const raw = env.LOG_LEVEL;
  // Tests read the logs they need from a logger of their own.
  if (raw === undefined || raw === '') return mode === 'test' ? 'silent' : 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return raw as LogLevel;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

/** The per-client budgets in a line, for the log at start-up. */
export function describeRateLimits({ rateLimit }: Pick<Config, 'rateLimit'>): string {
  const budgets = [
    rateLimit.requestsPerMinute > 0 && `${rateLimit.requestsPerMinute} requests`,
    rateLimit.costPerMinute > 0 && `${rateLimit.costPerMinute} cost points`,
  ].filter(Boolean);
  if (budgets.length === 0)
    return 'Rate limits: none (RATE_LIMIT_REQUESTS and RATE_LIMIT_COST are 0).';
  const clients =
    rateLimit.trustProxyHops > 0
      ? `told apart by X-Forwarded-For behind ${rateLimit.trustProxyHops} trusted proxy hop(s)`
      : 'told apart by socket address; behind a reverse proxy set TRUST_PROXY_HOPS';
  return `Rate limits: ${budgets.join(' and ')} per client per minute (${clients}).`;
}
