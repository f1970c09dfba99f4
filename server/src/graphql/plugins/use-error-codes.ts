import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

function neo4jCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Neo.')) return code;
    current =
      (current as { originalError?: unknown; cause?: unknown }).originalError ??
      (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface ErrorCodesOptions {
  /** The transaction timeout, named in the message of a query Neo4j stopped. */
  timeoutMs: number;
}

function withCode(error: GraphQLError, timeoutMs: number): GraphQLError {
  const original = error.originalError;
  // A GraphQLError made on purpose (validation, limits, user errors) carries no original error.
  if (!original) return error;
  if (original instanceof GraphQLError && original.extensions?.code) return original;
  if (TIMEOUT_CODES.has(neo4jCode(error) ?? '')) {
    return new GraphQLError(
      `The query took longer than ${timeoutMs} ms and was stopped; narrow it.`,
      { extensions: { code: 'TIMEOUT' }, path: error.path },
    );
  }
  return error;
}

/**
 * An execution's errors as callers see them: an error a caller caused keeps its message and
 * code; a Neo4j transaction timeout becomes TIMEOUT. It runs before Yoga's masking, which stays
 * on and turns anything else into "Unexpected error." (and logs it).
 */
export function useErrorCodes({ timeoutMs }: ErrorCodesOptions): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          // Queries and mutations only: the API has no subscriptions or incremental delivery.
          if (Symbol.asyncIterator in result || !result.errors) return;
          setResult({ ...result, errors: result.errors.map((e) => withCode(e, timeoutMs)) });
        },
      };
    },
  };
}
