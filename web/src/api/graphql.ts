// Typed documents: gql.tada reads each document's result and variables from the schema's
// introspection (graphql-env.d.ts, generated from server/schema.graphql by `gql.tada generate-output`).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/** Parses a document and types it against the schema; fragments spread into the result. */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { PartialDate: string; ID: string };
  disableMasking: true;
}>();
