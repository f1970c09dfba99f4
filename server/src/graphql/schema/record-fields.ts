import type { RecordField } from '../../validation/record-fields.ts';

/**
 * GraphQL fields derived from a record schema's fields (validation/record-fields.ts): text,
 * lists of text, dates and numbers are exposed (and taken as input) as they are, with the
 * schema's description; enums and lists of records are shown differently, so the type file
 * gives them. A field it neither derives nor is given fails the schema's build, naming it.
 */

// Pothos' field builders are typed per object; these helpers only call their untyped core.
type Builder = Record<string, (...args: never[]) => unknown>;
/** Typed as no fields: Pothos checks the fields a type file writes out, not the derived ones. */
type Fields = Record<never, never>;
/** Fields shown differently: each a field, or a function of the record field (for its description). */
type Given = Record<string, unknown>;

function givenField(given: Given, field: RecordField): unknown {
  const value = given[field.name];
  return typeof value === 'function' ? value(field) : value;
}

function call(t: unknown, method: string, ...args: unknown[]): unknown {
  return ((t as Builder)[method] as (...a: unknown[]) => unknown).apply(t, args);
}

function refuse(type: string, field: RecordField, file: string): never {
  throw new Error(
    `${type}.${field.name} (a ${field.kind} field of its record schema) cannot be derived: give its GraphQL field in ${file}`,
  );
}

/**
 * The object type's fields for `fields`, in the schema's order; `given` holds the fields shown
 * differently (and is where `file`, named in the error for a missing one, defines them).
 */
export function exposedFields(
  t: unknown,
  type: string,
  fields: readonly RecordField[],
  given: Given,
  file: string,
): Fields {
  return Object.fromEntries(
    fields.map((field) => {
      if (field.name in given) return [field.name, givenField(given, field)];
      const options = {
        nullable: !field.required && !field.defaultsToEmpty,
        ...(field.description ? { description: field.description } : {}),
      };
      switch (field.kind) {
        case 'text':
          return [
            field.name,
            call(t, field.name === 'id' ? 'exposeID' : 'exposeString', field.name, options),
          ];
        case 'texts':
          return [field.name, call(t, 'exposeStringList', field.name, options)];
        case 'int':
          return [field.name, call(t, 'exposeInt', field.name, options)];
        case 'date':
          return [field.name, call(t, 'expose', field.name, { ...options, type: 'PartialDate' })];
        default:
          return refuse(type, field, file);
      }
    }),
  );
}

/** The input type's fields for `fields`, in the schema's order; `given` as for exposedFields. */
export function inputFields(
  t: unknown,
  type: string,
  fields: readonly RecordField[],
  given: Given,
  file: string,
): Fields {
  return Object.fromEntries(
    fields.map((field) => {
      if (field.name in given) return [field.name, givenField(given, field)];
      const options = {
        required: field.required,
        ...(field.description ? { description: field.description } : {}),
      };
      switch (field.kind) {
        case 'text':
          return [field.name, call(t, field.name === 'id' ? 'id' : 'string', options)];
        case 'texts':
          return [field.name, call(t, 'stringList', options)];
        case 'int':
          return [field.name, call(t, 'int', options)];
        case 'date':
          return [field.name, call(t, 'field', { ...options, type: 'PartialDate' })];
        default:
          return refuse(type, field, file);
      }
    }),
  );
}
