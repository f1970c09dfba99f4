/** Entity kinds: each a Neo4j label next to `Entity`, a GraphQL object type and a legend entry. */
export const ENTITY_KINDS = [
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
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityKindInfo {
  kind: EntityKind;
  label: string;
  description: string;
  /** Colour-blind-safe (Okabe–Ito and Tol palettes); shape keeps kinds apart without colour. */
  colour: string;
  shape:
    | 'ellipse'
    | 'round-rectangle'
    | 'hexagon'
    | 'diamond'
    | 'octagon'
    | 'star'
    | 'triangle'
    | 'barrel'
    | 'rectangle'
    | 'vee';
}

export const ENTITY_KIND_INFO: Record<EntityKind, EntityKindInfo> = {
  Company: {
    kind: 'Company',
    label: 'Company',
    description: 'A business, listed or private.',
    colour: '#E69F00',
    shape: 'round-rectangle',
  },
  Organization: {
    kind: 'Organization',
    label: 'Organisation',
    description: 'A non-state body: an NGO, association, party or foundation.',
    colour: '#CC79A7',
    shape: 'barrel',
  },
  Government: {
    kind: 'Government',
    label: 'Government',
    description: 'The executive of a state.',
    colour: '#0072B2',
    shape: 'hexagon',
  },
  Agency: {
    kind: 'Agency',
    label: 'Agency',
    description: 'A department, ministry, regulator, police force, CERT or other public body.',
    colour: '#56B4E9',
    shape: 'octagon',
  },
  Institution: {
    kind: 'Institution',
    label: 'Institution',
    description: 'A legislature, court or EU institution.',
    colour: '#332288',
    shape: 'rectangle',
  },
  InternationalOrganization: {
    kind: 'InternationalOrganization',
    label: 'International organisation',
    description: 'A body of states: the EU, NATO, INTERPOL, the UN.',
    colour: '#009E73',
    shape: 'star',
  },
  Partnership: {
    kind: 'Partnership',
    label: 'Partnership',
    description: 'A public–private initiative such as No More Ransom.',
    colour: '#D55E00',
    shape: 'diamond',
  },
  Country: {
    kind: 'Country',
    label: 'Country',
    description: 'A state or territory.',
    colour: '#999933',
    shape: 'triangle',
  },
  Person: {
    kind: 'Person',
    label: 'Person',
    description: 'A natural person.',
    colour: '#882255',
    shape: 'ellipse',
  },
  MediaOutlet: {
    kind: 'MediaOutlet',
    label: 'Media outlet',
    description: 'A newspaper, magazine, site or broadcaster.',
    colour: '#44AA99',
    shape: 'vee',
  },
};

/** Every kind but Person and Country: the bodies that act, own and govern. */
export const ORGANISATION_KINDS: readonly EntityKind[] = ENTITY_KINDS.filter(
  (kind) => kind !== 'Person' && kind !== 'Country',
);
