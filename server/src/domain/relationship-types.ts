import { ENTITY_KINDS, type EntityKind, ORGANISATION_KINDS } from './entity-kinds.ts';

export const RELATIONSHIP_TYPES = [
  'MEMBER_OF',
  'PART_OF',
  'OWNS',
  'GOVERNS',
  'LEADS',
  'WORKS_FOR',
  'FOUNDED',
  'COOPERATES_WITH',
  'RESTRICTS',
  'ACCUSES',
  'DISPUTES',
  'LINKED_TO',
  'RELATED_TO',
  'PAYS',
  'HEADQUARTERED_IN',
  'OPERATES_IN',
] as const;

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface RelationshipTypeInfo {
  type: RelationshipType;
  /** Read from `from` to `to`: "Kaspersky Lab is a member of No More Ransom". */
  label: string;
  /** Read from `to` to `from`: "No More Ransom has member Kaspersky Lab". */
  inverseLabel: string;
  /** Symmetric types hold both ways; their stored direction carries no meaning. */
  symmetric: boolean;
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  colour: string;
  description: string;
}

const ANY = ENTITY_KINDS;
const ORG = ORGANISATION_KINDS;
const NOT_COUNTRY = ENTITY_KINDS.filter((kind) => kind !== 'Country');
const NOT_PERSON = ENTITY_KINDS.filter((kind) => kind !== 'Person');

function type(
  type: RelationshipType,
  label: string,
  inverseLabel: string,
  from: readonly EntityKind[],
  to: readonly EntityKind[],
  colour: string,
  description: string,
  symmetric = false,
): RelationshipTypeInfo {
  return { type, label, inverseLabel, symmetric, from, to, colour, description };
}

export const RELATIONSHIP_TYPE_INFO: Record<RelationshipType, RelationshipTypeInfo> = {
  MEMBER_OF: type(
    'MEMBER_OF',
    'is a member of',
    'has member',
    ANY,
    ['InternationalOrganization', 'Partnership', 'Organization', 'Institution'],
    '#009E73',
    'Membership or partnership in a body.',
  ),
  PART_OF: type(
    'PART_OF',
    'is part of',
    'includes',
    ORG,
    [...ORG, 'Country'],
    '#56B4E9',
    'A unit inside a larger body.',
  ),
  OWNS: type(
    'OWNS',
    'owns',
    'is owned by',
    ['Company', 'Person', 'Government', 'Organization', 'Agency'],
    ['Company', 'MediaOutlet', 'Organization'],
    '#E69F00',
    'Ownership, whole or in part.',
  ),
  GOVERNS: type(
    'GOVERNS',
    'governs',
    'is governed by',
    ['Government', 'Institution', 'Agency', 'InternationalOrganization'],
    ['Country', 'Agency', 'Institution', 'Organization', 'Partnership'],
    '#0072B2',
    'Authority over a country or body.',
  ),
  LEADS: type(
    'LEADS',
    'leads',
    'is led by',
    ['Person'],
    NOT_PERSON,
    '#882255',
    'Heads, chairs or directs.',
  ),
  WORKS_FOR: type(
    'WORKS_FOR',
    'works for',
    'employs',
    ['Person'],
    ORG,
    '#AA4499',
    'Employment or office.',
  ),
  FOUNDED: type(
    'FOUNDED',
    'founded',
    'was founded by',
    ANY,
    [
      'Company',
      'Organization',
      'Partnership',
      'Agency',
      'InternationalOrganization',
      'MediaOutlet',
      'Institution',
    ],
    '#117733',
    'Founding or co-founding.',
  ),
  COOPERATES_WITH: type(
    'COOPERATES_WITH',
    'cooperates with',
    'cooperates with',
    ANY,
    ANY,
    '#44AA99',
    'Working together: agreements, joint operations, data sharing.',
    true,
  ),
  RESTRICTS: type(
    'RESTRICTS',
    'restricts',
    'is restricted by',
    [...ORG, 'Country'],
    ANY,
    '#D55E00',
    'A ban, warning, listing, sanction or a proposal for one.',
  ),
  ACCUSES: type(
    'ACCUSES',
    'accuses',
    'is accused by',
    ANY,
    ANY,
    '#CC6677',
    'A public accusation; the claim says of what.',
  ),
  DISPUTES: type(
    'DISPUTES',
    'disputes',
    'is disputed by',
    ANY,
    ANY,
    '#DDCC77',
    'Rejects an accusation or decision of the other side.',
  ),
  LINKED_TO: type(
    'LINKED_TO',
    'is linked to',
    'is linked to',
    ANY,
    ANY,
    '#888888',
    'Ties of an unspecified kind, often alleged.',
    true,
  ),
  RELATED_TO: type(
    'RELATED_TO',
    'is related to',
    'is related to',
    ['Person'],
    ['Person'],
    '#BBBBBB',
    'Family or close personal ties between people.',
    true,
  ),
  PAYS: type('PAYS', 'pays', 'is paid by', ANY, ANY, '#F0E442', 'Payments, donations, contracts.'),
  HEADQUARTERED_IN: type(
    'HEADQUARTERED_IN',
    'is headquartered in',
    'hosts the headquarters of',
    ORG,
    ['Country'],
    '#999933',
    'Seat or head office.',
  ),
  OPERATES_IN: type(
    'OPERATES_IN',
    'operates in',
    'hosts operations of',
    NOT_COUNTRY,
    ['Country'],
    '#332288',
    'Offices, data centres or operations in a country.',
  ),
};

/** Why an edge of this type cannot join these kinds, or undefined when it can. */
export function endpointProblem(
  relType: RelationshipType,
  fromKind: EntityKind,
  toKind: EntityKind,
): string | undefined {
  const info = RELATIONSHIP_TYPE_INFO[relType];
  const fits = (a: EntityKind, b: EntityKind) => info.from.includes(a) && info.to.includes(b);
  if (fits(fromKind, toKind) || (info.symmetric && fits(toKind, fromKind))) return undefined;
  if (!info.from.includes(fromKind)) {
    return `${relType} cannot start at a ${fromKind} (allowed: ${info.from.join(', ')})`;
  }
  return `${relType} cannot end at a ${toKind} (allowed: ${info.to.join(', ')})`;
}
