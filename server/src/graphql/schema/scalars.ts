import { GraphQLError, valueFromASTUntyped } from 'graphql';
import { parsePartialDate } from '../../domain/partial-date.ts';
import { builder } from '../builder.ts';

function parse(value: unknown): string {
  const parsed = parsePartialDate(value);
  if (!parsed.ok) {
    throw new GraphQLError(`PartialDate ${parsed.message}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed.value;
}

builder.scalarType('PartialDate', {
  description: 'A date known to the year, month or day: "2018", "2018-06" or "2018-06-13".',
  serialize: (value) => String(value),
  parseValue: parse,
  // One parameter: graphql-jit compiles a literal only when its scalar needs no variables, and
  // logs an error for each query otherwise (the default takes the variables too).
  parseLiteral: (node) => parse(valueFromASTUntyped(node)),
});
