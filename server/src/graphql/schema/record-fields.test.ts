import { assertInputObjectType, assertInterfaceType, assertObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENTITY_FIELDS, recordFields } from '../../validation/record-fields.ts';
import { phaseSchema, relationshipSchema, sourceSchema } from '../../validation/record-schemas.ts';
import { schema } from './index.ts';

/** The record fields a GraphQL type lacks. */
function missing(fields: readonly { name: string }[], type: { getFields(): object }): string[] {
  const present = Object.keys(type.getFields());
  return fields.map((field) => field.name).filter((name) => !present.includes(name));
}

const input = (name: string) => assertInputObjectType(schema.getType(name));
const object = (name: string) => assertObjectType(schema.getType(name));

describe('the GraphQL types hold every field of their record schema', () => {
  it('Entity and UpsertEntityInput (derived: schema/entity.ts, schema/curation-inputs.ts)', () => {
    expect(missing(ENTITY_FIELDS, assertInterfaceType(schema.getType('Entity')))).toEqual([]);
    expect(missing(ENTITY_FIELDS, input('UpsertEntityInput'))).toEqual([]);
  });

  it('UpsertRelationshipInput and Relationship: a missing field goes in schema/curation-inputs.ts and schema/relationship.ts', () => {
    const fields = recordFields(relationshipSchema);
    expect(missing(fields, input('UpsertRelationshipInput'))).toEqual([]);
    expect(missing(fields, object('Relationship'))).toEqual([]);
    expect(missing(recordFields(phaseSchema), input('StatusPhaseInput'))).toEqual([]);
    expect(missing(recordFields(phaseSchema), object('StatusPhase'))).toEqual([]);
  });

  it('UpsertSourceInput and Source: a missing field goes in schema/curation-inputs.ts and schema/relationship.ts', () => {
    const fields = recordFields(sourceSchema);
    expect(missing(fields, input('UpsertSourceInput'))).toEqual([]);
    expect(missing(fields, object('Source'))).toEqual([]);
  });
});
