import type { z } from 'zod';
import { entitySchema, partialDate } from './record-schemas.ts';

/**
 * The fields of a record schema as the other layers need to know them: what kind of value each
 * holds, whether it must be given, what it means. The CSV columns, the stored properties and
 * the GraphQL fields are derived from this, so a field added to a record schema reaches them
 * without being written again.
 */

export type FieldKind =
  /** A string: text, a slug, a URL, a code. */
  | 'text'
  /** A list of strings. */
  | 'texts'
  | 'date'
  | 'int'
  /** One of a closed set of strings (`values`). */
  | 'enum'
  /** A list of records of flat text or enum fields (`of`), such as evidence. */
  | 'records';

export interface RecordField {
  name: string;
  kind: FieldKind;
  /** Neither optional nor defaulted: a record must give it. */
  required: boolean;
  /** A defaulted list: absent reads as [] rather than as no value. */
  defaultsToEmpty: boolean;
  description?: string;
  /** The values of an enum field. */
  values?: readonly string[];
  /** The fields of each record of a records field. */
  of?: RecordField[];
}

type AnySchema = z.core.$ZodType;

function defOf(schema: AnySchema): { type: string; innerType?: AnySchema; element?: AnySchema } {
  return schema._zod.def as never;
}

function describe(name: string, schema: AnySchema): RecordField {
  let current = schema;
  let required = true;
  let defaulted = false;
  let description = (schema as z.ZodType).description;
  for (let def = defOf(current); ; def = defOf(current)) {
    if (def.type !== 'optional' && def.type !== 'default') break;
    required = false;
    defaulted ||= def.type === 'default';
    current = def.innerType as AnySchema;
    description ??= (current as z.ZodType).description;
  }
  const base = {
    name,
    required,
    defaultsToEmpty: false,
    ...(description ? { description } : {}),
  };
  const def = defOf(current);
  if (current === partialDate) return { ...base, kind: 'date' };
  if (def.type === 'string') return { ...base, kind: 'text' };
  if (def.type === 'number') return { ...base, kind: 'int' };
  if (def.type === 'enum') {
    return { ...base, kind: 'enum', values: (current as z.ZodEnum).options as string[] };
  }
  if (def.type === 'array') {
    const element = def.element as AnySchema;
    const elementType = defOf(element).type;
    const list = { ...base, defaultsToEmpty: defaulted };
    if (elementType === 'string') return { ...list, kind: 'texts' };
    if (elementType === 'object') {
      return { ...list, kind: 'records', of: recordFields(element as z.ZodObject) };
    }
  }
  throw new Error(
    `record field "${name}" has a kind of value the CSV columns, stored properties and GraphQL ` +
      'fields cannot be derived for: give it one of record-fields.ts, or handle it where it is used',
  );
}

/** The fields of an object schema, in the schema's order. */
export function recordFields(schema: z.ZodObject): RecordField[] {
  return Object.entries(schema.shape).map(([name, field]) => describe(name, field as AnySchema));
}

/** An entity's fields: those every layer derives its own from. */
export const ENTITY_FIELDS = recordFields(entitySchema);
