import { expect } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import type { Database } from '../../server/src/db/database.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { testConfig } from './database.ts';

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely; each test asserts the shape it needs
type Loose = Record<string, any>;

export interface GraphQLResult<T = Loose> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A client on an in-process Yoga: no port, the real schema, the real test database. */
export function createClient(db: Database, overrides: Partial<Config> = {}) {
  const yoga = createEntenteYoga({
    db,
    config: testConfig({ editors: [{ name: 'editor', token: 'editor-token' }], ...overrides }),
  });
  return async function query<T = Loose>(
    document: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResult<T>> {
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
}

/** The data of a query that must succeed. */
export async function ok<T>(result: Promise<GraphQLResult<T>>): Promise<T> {
  const { data, errors } = await result;
  expect(errors).toBeUndefined();
  return data as T;
}

export function codes(result: GraphQLResult): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
