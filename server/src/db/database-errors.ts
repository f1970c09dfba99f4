import neo4j, { Neo4jError } from 'neo4j-driver';

/**
 * What went wrong with the database rather than with the query: it is unreachable, a query ran
 * out of time, the pool had no connection to give, or the caller went away.
 */
export type DatabaseErrorKind = 'unavailable' | 'timeout' | 'busy' | 'cancelled';

/** A failure the API answers with a code of its own; the driver's error, if any, is its cause. */
export class DatabaseError extends Error {
  constructor(
    readonly kind: DatabaseErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Neo4j cannot be reached, dropped the connection, or is shutting down or starting. */
const UNAVAILABLE_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** The kind of a driver error that is the database's failure; undefined for the query's own. */
export function kindOf(error: unknown): DatabaseErrorKind | undefined {
  if (error instanceof DatabaseError) return error.kind;
  if (!(error instanceof Neo4jError)) return undefined;
  if (TIMEOUT_CODES.has(error.code)) return 'timeout';
  if (UNAVAILABLE_CODES.has(error.code)) return 'unavailable';
  // The pool's own error carries no code, only this message (neo4j-driver-core's pool.js).
  if (error.message.startsWith('Connection acquisition timed out')) return 'busy';
  return undefined;
}

const TERMINATION_CODES = new Set([
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.Terminated',
]);

/** The transaction was stopped from outside: by its timeout, an operator or a shutdown. */
export function isTermination(error: unknown): boolean {
  return error instanceof Neo4jError && TERMINATION_CODES.has(error.code);
}

const MESSAGES: Record<DatabaseErrorKind, string> = {
  unavailable: 'Neo4j is unreachable.',
  timeout: 'The query ran out of time.',
  busy: 'No connection to Neo4j was free in time.',
  cancelled: 'The client went away.',
};

/** The error as a DatabaseError when it is the database's failure, else as it was. */
export function asDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseError) return error;
  const kind = kindOf(error);
  return kind ? databaseError(kind, error) : error;
}

/** The error for a kind of failure, with the driver's error behind it if there is one. */
export function databaseError(kind: DatabaseErrorKind, cause?: unknown): DatabaseError {
  return new DatabaseError(kind, MESSAGES[kind], cause === undefined ? undefined : { cause });
}
