import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from './graphiql-examples.ts';
import { schema } from './schema/index.ts';

describe("GraphiQL's example queries", () => {
  it('are valid against the schema, so none opens broken', () => {
    const document = parse(EXAMPLE_QUERY);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    expect(document.definitions.map((d) => ('name' in d ? d.name?.value : ''))).toContain(
      'Datasets',
    );
  });
});
