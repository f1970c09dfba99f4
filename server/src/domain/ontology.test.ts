import { describe, expect, it } from 'vitest';
import { ENTITY_KIND_INFO, ENTITY_KINDS } from './entity-kinds.ts';
import { deriveRelationshipId, isSlug } from './relationship-id.ts';
import {
  endpointProblem,
  RELATIONSHIP_TYPE_INFO,
  RELATIONSHIP_TYPES,
} from './relationship-types.ts';

describe('the ontology', () => {
  it('has the kinds and types the product names, each with labels and a colour', () => {
    expect(ENTITY_KINDS).toEqual([
      'Company',
      'Organization',
      'Government',
      'Agency',
      'Institution',
      'InternationalOrganization',
      'Partnership',
      'Country',
      'Person',
      'MediaOutlet',
    ]);
    for (const type of RELATIONSHIP_TYPES) {
      const info = RELATIONSHIP_TYPE_INFO[type];
      expect(info.label).not.toBe('');
      expect(info.inverseLabel).not.toBe('');
      expect(info.colour).toMatch(/^#[0-9A-F]{6}$/i);
    }
    for (const kind of ENTITY_KINDS)
      expect(ENTITY_KIND_INFO[kind].colour).toMatch(/^#[0-9A-F]{6}$/i);
    expect(RELATIONSHIP_TYPE_INFO.MEMBER_OF).toMatchObject({
      label: 'is a member of',
      inverseLabel: 'has member',
    });
    expect(RELATIONSHIP_TYPES.filter((type) => RELATIONSHIP_TYPE_INFO[type].symmetric)).toEqual([
      'COOPERATES_WITH',
      'LINKED_TO',
      'RELATED_TO',
    ]);
  });

  it('allows and refuses endpoint kinds per type', () => {
    expect(endpointProblem('LEADS', 'Person', 'Company')).toBeUndefined();
    expect(endpointProblem('LEADS', 'Company', 'Company')).toMatch(
      /LEADS cannot start at a Company/,
    );
    expect(endpointProblem('HEADQUARTERED_IN', 'Company', 'Person')).toMatch(
      /cannot end at a Person/,
    );
    expect(endpointProblem('RELATED_TO', 'Person', 'Company')).toBeDefined();
  });
});

describe('deriveRelationshipId', () => {
  const rel = {
    type: 'MEMBER_OF' as const,
    from: 'kaspersky-lab',
    to: 'no-more-ransom',
    since: '2016-07-25',
  };

  it('is a stable slug that ignores evidence and description but not since or role', () => {
    const id = deriveRelationshipId(rel);
    expect(isSlug(id)).toBe(true);
    expect(deriveRelationshipId({ ...rel })).toBe(id);
    expect(deriveRelationshipId({ ...rel, since: '2017' })).not.toBe(id);
    expect(deriveRelationshipId({ ...rel, role: 'founding partner' })).not.toBe(id);
  });

  it('ignores direction for symmetric types only', () => {
    const a = { type: 'COOPERATES_WITH' as const, from: 'europol', to: 'kaspersky-lab' };
    expect(deriveRelationshipId(a)).toBe(deriveRelationshipId({ ...a, from: a.to, to: a.from }));
    const b = { type: 'OWNS' as const, from: 'intel', to: 'mcafee' };
    expect(deriveRelationshipId(b)).not.toBe(
      deriveRelationshipId({ ...b, from: b.to, to: b.from }),
    );
  });
});
