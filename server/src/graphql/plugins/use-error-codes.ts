import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DatabaseError } from '../../db/database-errors.ts';
import { retryLater, userError } from '../errors.ts';

export interface ErrorCodesOptions {
  /** The request deadline, named in the message of a query that ran out of time. */
  timeoutMs: number;
  /** What SERVICE_UNAVAILABLE and OVERLOADED answers tell a client to wait. */
  retryAfterSeconds: number;
}

/** Codes that say the server or the database had trouble, not the caller: each is logged. */
const EXPECTED = new Set(['TIMEOUT', 'OVERLOADED', 'SERVICE_UNAVAILABLE', 'CANCELLED']);

function databaseFailure(error: GraphQLError): DatabaseError | undefined {
  let current: unknown = error.originalError;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof DatabaseError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

function withCode(error: GraphQLError, options: ErrorCodesOptions): GraphQLError {
  const original = error.originalError;
  // A GraphQLError made on purpose (validation, limits, user errors) carries no original error.
  if (!original) return error;
  if (original instanceof GraphQLError && original.extensions?.code) return original;
  const failure = databaseFailure(error);
  const at = (made: GraphQLError) =>
    new GraphQLError(made.message, { path: error.path, extensions: made.extensions });
  switch (failure?.kind) {
    case 'timeout':
      return at(
        userError(
          'TIMEOUT',
          `The query took longer than ${options.timeoutMs} ms and was stopped; narrow it.`,
        ),
      );
    case 'unavailable':
      return retryLater(
        'SERVICE_UNAVAILABLE',
        `The database is unavailable; try again in ${options.retryAfterSeconds} s.`,
        options.retryAfterSeconds,
        error.path,
      );
    case 'busy':
      return retryLater(
        'OVERLOADED',
        `The server is busy; try again in ${options.retryAfterSeconds} s.`,
        options.retryAfterSeconds,
        error.path,
      );
    case 'cancelled':
      return at(userError('CANCELLED', 'The request was cancelled.'));
    default:
      return error;
  }
}

/**
 * An execution's errors as callers see them: an error a caller caused keeps its message and
 * code; the database's failures get theirs (TIMEOUT, SERVICE_UNAVAILABLE, OVERLOADED), and each
 * request that met one is logged as one line with a running count per code, never with a stack
 * trace. It runs before Yoga's masking, which stays on and turns anything else into
 * "Unexpected error." (and logs it).
 */
export function useErrorCodes(options: ErrorCodesOptions): Plugin {
  const counts = new Map<string, number>();
  let warn: (line: string) => void = () => {};
  return {
    onYogaInit({ yoga }) {
      warn = (line) => yoga.logger.warn(line);
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          // Queries and mutations only: the API has no subscriptions or incremental delivery.
          if (Symbol.asyncIterator in result || !result.errors) return;
          const errors = result.errors.map((e) => withCode(e, options));
          const seen = new Map<string, string>();
          for (const { extensions, message } of errors) {
            const code = String(extensions?.code ?? '');
            if (EXPECTED.has(code) && !seen.has(code)) seen.set(code, message);
          }
          for (const [code, message] of seen) {
            const count = (counts.get(code) ?? 0) + 1;
            counts.set(code, count);
            warn(`${code} (${count} so far): ${message}`);
          }
          setResult({ ...result, errors });
        },
      };
    },
  };
}
