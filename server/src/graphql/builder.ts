import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    PartialDate: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ComplexityPlugin],
  // Fields carry their cost here; it is checked once per request, with the request's
  // variables, before execution (plugins/use-query-limits.ts), not again in every root field.
  complexity: { disabled: true },
});

builder.queryType({});
builder.mutationType({});
