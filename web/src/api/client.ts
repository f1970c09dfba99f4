import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { reportAvailability } from './availability.ts';
import { RETRY_LATER, type RetryLater, withRetries } from './retry.ts';
import { editorToken } from './session.ts';

/** A GraphQL error or an unreachable API, with a message fit to show the user. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    /** How long the server asked to wait before trying again (OVERLOADED, SERVICE_UNAVAILABLE). */
    readonly retryAfterSeconds?: number,
    /** The input field the error names (BAD_USER_INPUT, NOT_FOUND, CONFLICT), if any. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; retryAfterSeconds?: number; field?: string };
  }[];
}

// Each document is printed once: the same operation is sent again and again.
const printed = new WeakMap<object, string>();

function queryText(document: TadaDocumentNode<unknown, never>): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** Posts one operation to /graphql once; rejects with an ApiError on HTTP, network or GraphQL errors. */
async function post<T>(query: string, variables: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  const token = editorToken();
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The API is not answering. Is the server running?');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without JSON.`);
  }
  const [first] = body.errors ?? [];
  if (first) {
    const { code, retryAfterSeconds, field } = first.extensions ?? {};
    throw new ApiError(first.message, code, retryAfterSeconds, field);
  }
  if (!body.data) throw new ApiError(`The API answered HTTP ${response.status} without data.`);
  return body.data;
}

function retryLater(error: unknown): RetryLater | undefined {
  if (!(error instanceof ApiError) || !error.code) return undefined;
  const availability = RETRY_LATER[error.code];
  return availability && { availability, retryAfterSeconds: error.retryAfterSeconds };
}

/**
 * Posts one operation to /graphql; rejects with an ApiError on HTTP, network or GraphQL errors.
 * While the database is unavailable or the server busy it waits and tries again, by itself,
 * until answered or aborted, and says so through reportAvailability meanwhile.
 */
export function request<T, V>(
  document: TadaDocumentNode<T, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<T> {
  const query = queryText(document as TadaDocumentNode<unknown, never>);
  return withRetries(() => post<T>(query, variables, signal), {
    retryable: retryLater,
    report: reportAvailability,
    signal,
  });
}

/** True for the AbortError a superseded request rejects with. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
