import { ENTITY_KINDS, type EntityKind } from '../domain/entity-kinds.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';

/**
 * The only identifiers written into Cypher text: a kind label or relationship type is checked
 * against the ontology's allow-list first. Values never go into the text.
 */

export function kindLabel(kind: EntityKind): string {
  if (!ENTITY_KINDS.includes(kind)) throw new Error(`not an entity kind: ${kind}`);
  return kind;
}

export function relType(type: RelationshipType): string {
  if (!RELATIONSHIP_TYPES.includes(type)) throw new Error(`not a relationship type: ${type}`);
  return type;
}

export const ALL_KIND_LABELS = ENTITY_KINDS.map(kindLabel).join(':');
