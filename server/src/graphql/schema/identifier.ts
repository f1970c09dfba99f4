import {
  IDENTIFIER_SCHEME_INFO,
  IDENTIFIER_SCHEMES,
  type IdentifierScheme,
} from '../../domain/identifier-schemes.ts';
import { recordFields } from '../../validation/record-fields.ts';
import { identifierSchema } from '../../validation/record-schemas.ts';
import type { IdentifierRecord } from '../../validation/records.ts';
import { builder } from '../builder.ts';
import { exposedFields, inputFields } from './record-fields.ts';

const FILE = 'server/src/graphql/schema/identifier.ts';
const FIELDS = recordFields(identifierSchema);

export const IdentifierSchemeEnum = builder.enumType('IdentifierScheme', {
  description: 'A register that gives entities codes of their own.',
  values: Object.fromEntries(
    IDENTIFIER_SCHEMES.map((scheme) => [
      scheme,
      { value: scheme, description: IDENTIFIER_SCHEME_INFO[scheme].label },
    ]),
  ) as Record<string, { value: IdentifierScheme }>,
});

export const IdentifierRef = builder.objectRef<IdentifierRecord>('Identifier').implement({
  description: 'A code naming an entity in a register, such as its LEI.',
  fields: (t) =>
    exposedFields(
      t,
      'Identifier',
      FIELDS,
      { scheme: t.field({ type: IdentifierSchemeEnum, resolve: (item) => item.scheme }) },
      FILE,
    ),
});

export const IdentifierInput = builder.inputType('IdentifierInput', {
  description: 'A code naming an entity in a register; an LEI must be 20 letters and digits.',
  fields: (t) =>
    inputFields(
      t,
      'IdentifierInput',
      FIELDS,
      { scheme: t.field({ type: IdentifierSchemeEnum, required: true }) },
      FILE,
    ),
});
