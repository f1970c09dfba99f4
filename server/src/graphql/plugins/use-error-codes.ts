import { GraphQLError } from 'graphql';
import type { YogaServerOptions } from 'graphql-yoga';

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

/**
 * Errors are handled here, in one place: errors a caller caused keep their message and code;
 * a Neo4j transaction timeout becomes TIMEOUT; anything else becomes "Unexpected error.".
 */
export function maskError(
  timeoutMs: number,
): NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean>>['maskError'] {
  return (error, message) => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    // A GraphQLError made on purpose (validation, limits, user errors) carries no original error.
    if (error instanceof GraphQLError && !original) return error;
    if (original instanceof GraphQLError && original.extensions?.code) return original;
    if (TIMEOUT_CODES.has(neo4jCode(error) ?? '')) {
      return new GraphQLError(
        `The query took longer than ${timeoutMs} ms and was stopped; narrow it.`,
        {
          extensions: { code: 'TIMEOUT' },
          path: error instanceof GraphQLError ? error.path : undefined,
        },
      );
    }
    return new GraphQLError(message, {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
      path: error instanceof GraphQLError ? error.path : undefined,
    });
  };
}
