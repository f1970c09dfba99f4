import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import type { Admission } from './admission.ts';

/** One answered request as the access log and the metrics see it. */
export interface RequestRecord {
  /** The GraphQL operation's name, 'anonymous' when it has none, absent for /health and the like. */
  operation?: string;
  /** 'answered', or the code of the answer's first error (OVERLOADED, TIMEOUT, BAD_USER_INPUT …). */
  outcome: string;
  durationMs: number;
}

export interface MetricsOptions {
  admission: Admission;
  db: Database;
  /** Connections the driver's pool keeps at most (config.neo4j.poolSize). */
  poolSize: number;
}

export interface Metrics {
  registry: Registry;
  /** Counts a GraphQL request and its duration by operation and outcome. */
  observe(record: RequestRecord): void;
}

/**
 * Operation names are chosen by callers of a public API: past this many distinct ones, further
 * names are counted as 'other', so that a client cannot grow the metrics without bound.
 */
export const MAX_OPERATION_LABELS = 100;

/** Request durations in seconds, from a cache-warm lookup to a query near its deadline. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The server's Prometheus metrics, in a registry of its own (never prom-client's global one). */
export function createMetrics({ admission, db, poolSize }: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['operation', 'outcome'] as const;
  const requests = new Counter({
    name: 'entente_graphql_requests_total',
    help: 'GraphQL requests answered, by operation name and outcome.',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'entente_graphql_request_duration_seconds',
    help: 'Time from a GraphQL request to its answer, by operation name and outcome.',
    labelNames,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge(
    'entente_admission_running',
    'Requests running against Neo4j now.',
    () => admission.running,
  );
  gauge(
    'entente_admission_waiting',
    'Requests waiting in the admission queue for a turn.',
    () => admission.waiting,
  );
  gauge(
    'entente_neo4j_operations_active',
    'Neo4j operations running now, each holding or waiting for one pooled connection.',
    () => db.active,
  );
  gauge(
    'entente_neo4j_pool_size',
    'Connections the Neo4j driver pool keeps at most.',
    () => poolSize,
  );
  const seen = new Set<string>();
  const label = (operation: string) => {
    if (seen.has(operation)) return operation;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(operation);
    return operation;
  };
  return {
    registry,
    observe({ operation, outcome, durationMs }) {
      if (operation === undefined) return;
      const labels = { operation: label(operation), outcome };
      requests.inc(labels);
      durations.observe(labels, durationMs / 1000);
    },
  };
}
