// The type definitions of the benchmark's @neo4j/graphql side, as a user of @neo4j/graphql
// would write them for how Entente stores its graph (server/src/db/stored-records.ts): the
// `Entity` type with its stored properties and one @relationship field per relationship type
// each way, the properties relationships carry, and a type per kind label for pages of a kind.

import { storedNames } from '../../server/src/db/stored-records.ts';
import { ENTITY_KINDS, type EntityKind } from '../../server/src/domain/entity-kinds.ts';
import {
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../server/src/domain/relationship-types.ts';
import { RELATIONSHIP_STATUSES } from '../../server/src/domain/statuses.ts';
import {
  ENTITY_FIELDS,
  type RecordField,
  recordFields,
} from '../../server/src/validation/record-fields.ts';
import { relationshipSchema } from '../../server/src/validation/record-schemas.ts';

/** The @relationship field of a type and direction: MEMBER_OF, OUT -> memberOfOut. */
export const relationshipField = (type: RelationshipType, direction: 'OUT' | 'IN') =>
  `${type.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}${direction === 'OUT' ? 'Out' : 'In'}`;

/** The root field of a kind's type in the generated schema, as @neo4j/graphql pluralises it. */
export function kindField(kind: EntityKind): string {
  if (kind === 'Person') return 'people';
  const camel = `${kind.charAt(0).toLowerCase()}${kind.slice(1)}`;
  return camel.endsWith('y') ? `${camel.slice(0, -1)}ies` : `${camel}s`;
}

/** A stored property's GraphQL type: lists of records are stored as parallel lists of text. */
function propertyType(field: RecordField): string {
  if (field.name === 'id') return 'ID!';
  if (field.name === 'kind') return 'EntityKind!';
  if (field.name === 'status') return 'RelationshipStatus!';
  if (field.kind === 'texts' || field.kind === 'records') return '[String!]';
  if (field.kind === 'int') return 'Int';
  return field.required ? 'String!' : 'String';
}

const properties = (fields: readonly RecordField[]) =>
  fields.flatMap((field) => storedNames(field).map((name) => `  ${name}: ${propertyType(field)}`));

const ENTITY_PROPERTIES = [...properties(ENTITY_FIELDS), '  datasets: [String!]'];

/** What a relationship stores: not its ends and type, which are the relationship itself. */
const RELATIONSHIP_PROPERTIES = [
  ...properties(
    recordFields(relationshipSchema).filter(
      (field) => !['from', 'type', 'to', 'history'].includes(field.name),
    ),
  ),
  '  dataset: String',
  '  history: String',
];

const relationshipFields = RELATIONSHIP_TYPES.flatMap((type) =>
  (['OUT', 'IN'] as const).map(
    (direction) =>
      `  ${relationshipField(type, direction)}: [Entity!]! @relationship(type: "${type}", direction: ${direction}, properties: "RelationshipProperties")`,
  ),
);

/** The type definitions, read-only as the explorer is: no mutations are generated. */
export const TYPE_DEFS = `
extend schema @mutation(operations: [])

enum EntityKind { ${ENTITY_KINDS.join(' ')} }
enum RelationshipStatus { ${RELATIONSHIP_STATUSES.join(' ')} }

type Entity @node {
${[...ENTITY_PROPERTIES, ...relationshipFields].join('\n')}
}

type RelationshipProperties @relationshipProperties {
${RELATIONSHIP_PROPERTIES.join('\n')}
}

${ENTITY_KINDS.map((kind) => `type ${kind} @node(labels: ["${kind}", "Entity"]) {\n${ENTITY_PROPERTIES.join('\n')}\n}`).join('\n\n')}
`;
