import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DatabaseError, type DatabaseErrorKind } from '../../db/database-errors.ts';
import type { Context } from '../context.ts';
import { type ErrorCode, retryLater } from '../errors.ts';

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

/**
 * What each database failure is answered with: the caller's fault (TIMEOUT, CANCELLED) or a
 * passing state of the server worth retrying after a pause (SERVICE_UNAVAILABLE, OVERLOADED).
 */
type Answer = { message: (options: ErrorCodesOptions) => string } & (
  | { retry: false; code: ErrorCode }
  | { retry: true; code: 'SERVICE_UNAVAILABLE' | 'OVERLOADED' }
);

const ANSWERS: Record<DatabaseErrorKind, Answer> = {
  timeout: {
    code: 'TIMEOUT',
    retry: false,
    message: (o) => `The query took longer than ${o.timeoutMs} ms and was stopped; narrow it.`,
  },
  cancelled: { code: 'CANCELLED', retry: false, message: () => 'The request was cancelled.' },
  unavailable: {
    code: 'SERVICE_UNAVAILABLE',
    retry: true,
    message: (o) => `The database is unavailable; try again in ${o.retryAfterSeconds} s.`,
  },
  busy: {
    code: 'OVERLOADED',
    retry: true,
    message: (o) => `The server is busy; try again in ${o.retryAfterSeconds} s.`,
  },
};

function withCode(error: GraphQLError, options: ErrorCodesOptions): GraphQLError {
  const original = error.originalError;
  // A GraphQLError made on purpose (validation, limits, user errors) carries no original error.
  if (!original) return error;
  if (original instanceof GraphQLError && original.extensions?.code) return original;
  const failure = databaseFailure(error);
  if (!failure) return error;
  const answer = ANSWERS[failure.kind];
  const message = answer.message(options);
  if (answer.retry) return retryLater(answer.code, message, options.retryAfterSeconds, error.path);
  return new GraphQLError(message, { path: error.path, extensions: { code: answer.code } });
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
  let warn: (fields: object, line: string) => void = () => {};
  return {
    onYogaInit({ yoga }) {
      warn = (fields, line) => yoga.logger.warn(fields, line);
    },
    onExecute({ args }) {
      const { requestId } = args.contextValue as Context;
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
            warn({ requestId, code, count }, `${code} (${count} so far): ${message}`);
          }
          setResult({ ...result, errors });
        },
      };
    },
  };
}
