import { ENTITY_KIND_INFO, ENTITY_KINDS, type EntityKind } from '../../domain/entity-kinds.ts';
import { enumName } from '../../domain/enum-names.ts';
import {
  RELATIONSHIP_TYPE_INFO,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../domain/relationship-types.ts';
import {
  RELATIONSHIP_STATUSES,
  type RelationshipStatus,
  STATUS_INFO,
} from '../../domain/statuses.ts';
import { builder } from '../builder.ts';

export { enumName };

export const EntityKindEnum = builder.enumType('EntityKind', {
  values: Object.fromEntries(
    ENTITY_KINDS.map((kind) => [
      enumName(kind),
      { value: kind, description: ENTITY_KIND_INFO[kind].description },
    ]),
  ) as Record<string, { value: EntityKind }>,
});

export const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  values: Object.fromEntries(
    RELATIONSHIP_TYPES.map((type) => [
      type,
      { value: type, description: RELATIONSHIP_TYPE_INFO[type].description },
    ]),
  ) as Record<string, { value: RelationshipType }>,
});

export const RelationshipStatusEnum = builder.enumType('RelationshipStatus', {
  values: Object.fromEntries(
    RELATIONSHIP_STATUSES.map((status) => [
      enumName(status),
      { value: status, description: STATUS_INFO[status].description },
    ]),
  ) as Record<string, { value: RelationshipStatus }>,
});

export const DirectionEnum = builder.enumType('Direction', {
  values: {
    OUTGOING: { value: 'OUTGOING', description: 'From this entity' },
    INCOMING: { value: 'INCOMING', description: 'To this entity' },
    BOTH: { value: 'BOTH', description: 'Either way' },
  } as const,
});
