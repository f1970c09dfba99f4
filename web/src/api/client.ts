import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/** A GraphQL error or an unreachable API, with a message fit to show the user. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
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

/** Posts one operation to /graphql; rejects with an ApiError on HTTP, network or GraphQL errors. */
export async function request<T, V>(
  document: TadaDocumentNode<T, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<T> {
  const query = queryText(document as TadaDocumentNode<unknown, never>);
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
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
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError(`The API answered HTTP ${response.status} without data.`);
  return body.data;
}

/** True for the AbortError a superseded request rejects with. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
