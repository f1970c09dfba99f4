import neo4j, { type Driver } from 'neo4j-driver';
import { DRIVER_DEFAULTS } from '../config.ts';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
  /** Connections kept at most (config: NEO4J_POOL_SIZE). */
  poolSize?: number;
  /** How long opening a connection may take (config: NEO4J_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
}

export function createDriver(options: DriverOptions): Driver {
  const connectTimeoutMs = options.connectTimeoutMs ?? DRIVER_DEFAULTS.connectTimeoutMs;
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: options.poolSize ?? DRIVER_DEFAULTS.poolSize,
    // Admission (server/src/graphql/admission.ts) keeps requests from queueing in the pool; a
    // wait here means a connection is being opened, which connectionTimeout bounds.
    connectionAcquisitionTimeout: connectTimeoutMs * 2,
    connectionTimeout: connectTimeoutMs,
    // Writes retry transient failures only briefly, so an unreachable database is reported
    // within a second rather than after a backlog of attempts.
    maxTransactionRetryTime: 1_000,
  });
}
