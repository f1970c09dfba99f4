import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'TIMEOUT'
  | 'COST_LIMIT'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'OVERLOADED'
  | 'SERVICE_UNAVAILABLE'
  | 'CANCELLED';

/** An error the caller caused and can fix: never masked, always with a code. */
export function userError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export function badInput(message: string, field?: string) {
  return userError('BAD_USER_INPUT', message, field ? { field } : {});
}

export function notFound(what: string, id: string) {
  return userError('NOT_FOUND', `No ${what} with id "${id}".`, { id });
}

/** Checks that a number argument lies in [min, max]. */
export function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be a whole number from ${min} to ${max}, got ${value}.`, name);
  }
  return value;
}

/**
 * The server cannot answer now but will: HTTP 503 with Retry-After, and the seconds in
 * `extensions.retryAfterSeconds` for a client that reads only the body.
 */
export function retryLater(
  code: 'OVERLOADED' | 'SERVICE_UNAVAILABLE',
  message: string,
  retryAfterSeconds: number,
  path?: readonly (string | number)[],
) {
  return new GraphQLError(message, {
    path,
    extensions: {
      code,
      retryAfterSeconds,
      http: { status: 503, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  });
}
