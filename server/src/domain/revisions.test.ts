import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../validation/records.ts';
import { canonicalJson, fieldChanges, sameRecord } from './revisions.ts';

const entity = (fields: Partial<EntityRecord>): EntityRecord =>
  ({
    id: 'acme',
    kind: 'company',
    name: 'Acme',
    aliases: [],
    evidence: [],
    ...fields,
  }) as EntityRecord;

describe('revisions', () => {
  it('lists the fields that differ, before and after as JSON, in the record’s order', () => {
    expect(
      fieldChanges(entity({ name: 'Acme' }), entity({ name: 'Acme AG', aliases: ['Acme'] })),
    ).toEqual([
      { field: 'name', before: '"Acme"', after: '"Acme AG"' },
      { field: 'aliases', before: null, after: '["Acme"]' },
    ]);
  });

  it('sees an empty list and an absent field as the same, and key order as no change', () => {
    const { aliases: _aliases, ...without } = entity({});
    expect(fieldChanges(entity({}), without as EntityRecord)).toEqual([]);
    expect(sameRecord(entity({ country: 'RU' }), { country: 'RU', ...entity({}) })).toBe(true);
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('lists every field of a created or deleted record', () => {
    const fields = fieldChanges(null, entity({})).map((change) => change.field);
    expect(fields).toEqual(['id', 'kind', 'name']);
    expect(fieldChanges(entity({}), null).every((change) => change.after === null)).toBe(true);
    expect(sameRecord(null, entity({}))).toBe(false);
    expect(sameRecord(null, null)).toBe(true);
  });
});
