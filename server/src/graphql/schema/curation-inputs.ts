import type { z } from 'zod';
import { ENTITY_FIELDS, type RecordField } from '../../validation/record-fields.ts';
import { builder } from '../builder.ts';
import { userError } from '../errors.ts';
import { EntityKindEnum, RelationshipStatusEnum, RelationshipTypeEnum } from './enums.ts';
import { IdentifierInput } from './identifier.ts';
import { inputFields } from './record-fields.ts';

/**
 * The curator mutations' inputs. They mirror the dataset format field for field, so that
 * `parseRecord` can hand them to the same record schemas the seeder uses.
 */

export const EvidenceInput = builder.inputType('EvidenceInput', {
  description: 'A source that backs a record, with the exact quote where there is one.',
  fields: (t) => ({
    source: t.id({ required: true, description: 'Id of an existing source' }),
    quote: t.string(),
  }),
});

export const StatusPhaseInput = builder.inputType('StatusPhaseInput', {
  description: 'A change of status from a date, with the evidence for it.',
  fields: (t) => ({
    status: t.field({ type: RelationshipStatusEnum, required: true }),
    since: t.field({ type: 'PartialDate', required: true }),
    note: t.string(),
    evidence: t.field({ type: [EvidenceInput], required: true }),
  }),
});

export const UpsertEntityInput = builder.inputType('UpsertEntityInput', {
  description: 'An entity as a dataset would give it; an existing id is replaced.',
  // The record's fields (validation/record-schemas.ts), derived; here only those given differently.
  fields: (t) =>
    inputFields(
      t,
      'UpsertEntityInput',
      ENTITY_FIELDS,
      {
        kind: t.field({ type: EntityKindEnum, required: true }),
        identifiers: ({ description }: RecordField) =>
          t.field({ type: [IdentifierInput], description }),
        evidence: t.field({ type: [EvidenceInput] }),
      },
      'server/src/graphql/schema/curation-inputs.ts',
    ),
});

export const UpsertRelationshipInput = builder.inputType('UpsertRelationshipInput', {
  description: 'A relationship as a dataset would give it; an existing id is replaced.',
  fields: (t) => ({
    id: t.id({ description: 'Derived from from, type, to, since and role when not given' }),
    from: t.id({ required: true }),
    type: t.field({ type: RelationshipTypeEnum, required: true }),
    to: t.id({ required: true }),
    status: t.field({
      type: RelationshipStatusEnum,
      defaultValue: 'active',
      description: 'The status it began in',
    }),
    since: t.field({ type: 'PartialDate' }),
    until: t.field({ type: 'PartialDate' }),
    role: t.string(),
    measure: t.string(),
    instrument: t.string(),
    claim: t.string(),
    description: t.string(),
    evidence: t.field({ type: [EvidenceInput] }),
    history: t.field({
      type: [StatusPhaseInput],
      description: 'Later changes of status, in date order; phases other datasets added are kept',
    }),
  }),
});

export const UpsertSourceInput = builder.inputType('UpsertSourceInput', {
  description: 'A source as a dataset would give it; an existing id is replaced.',
  fields: (t) => ({
    id: t.id({ required: true }),
    title: t.string({ required: true }),
    url: t.string(),
    publisher: t.id({ description: 'Id of an existing entity' }),
    author: t.id({ description: 'Id of an existing entity' }),
    published: t.field({ type: 'PartialDate' }),
  }),
});

/** GraphQL's null means "not given"; the record schemas expect the key to be absent. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== null && item !== undefined)
      .map(([key, item]) => [key, withoutNulls(item)]),
  );
}

/** Checks an input with a record schema; the first issue becomes BAD_USER_INPUT naming its field. */
export function parseRecord<S extends z.ZodType>(schema: S, input: object): z.output<S> {
  const parsed = schema.safeParse(withoutNulls(input));
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message,
  }));
  const [first] = parsed.error.issues;
  throw userError('BAD_USER_INPUT', `${issues[0]?.field}: ${issues[0]?.message}.`, {
    field: String(first?.path[0] ?? ''),
    issues,
  });
}
