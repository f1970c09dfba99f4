import { ENTITY_KIND_INFO, ENTITY_KINDS, type EntityKindInfo } from '../../domain/entity-kinds.ts';
import {
  RELATIONSHIP_TYPE_INFO,
  RELATIONSHIP_TYPES,
  type RelationshipTypeInfo,
} from '../../domain/relationship-types.ts';
import {
  RELATIONSHIP_STATUSES,
  type RelationshipStatus,
  STATUS_INFO,
} from '../../domain/statuses.ts';
import { builder } from '../builder.ts';
import { EntityKindEnum, RelationshipStatusEnum, RelationshipTypeEnum } from './enums.ts';

const KindInfo = builder.objectRef<EntityKindInfo>('KindInfo').implement({
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, resolve: (info) => info.kind }),
    label: t.exposeString('label'),
    description: t.exposeString('description'),
    colour: t.exposeString('colour', { description: 'CSS colour, colour-blind safe' }),
    shape: t.exposeString('shape', { description: 'A Cytoscape.js node shape' }),
  }),
});

const TypeInfo = builder.objectRef<RelationshipTypeInfo>('RelationshipTypeInfo').implement({
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, resolve: (info) => info.type }),
    label: t.exposeString('label'),
    inverseLabel: t.exposeString('inverseLabel'),
    symmetric: t.exposeBoolean('symmetric'),
    description: t.exposeString('description'),
    colour: t.exposeString('colour'),
    from: t.field({ type: [EntityKindEnum], resolve: (info) => [...info.from] }),
    to: t.field({ type: [EntityKindEnum], resolve: (info) => [...info.to] }),
  }),
});

const StatusInfo = builder
  .objectRef<{ status: RelationshipStatus; label: string; description: string; colour: string }>(
    'StatusInfo',
  )
  .implement({
    fields: (t) => ({
      status: t.field({ type: RelationshipStatusEnum, resolve: (info) => info.status }),
      label: t.exposeString('label'),
      description: t.exposeString('description'),
      colour: t.exposeString('colour', {
        description: 'CSS colour of the status on the timeline, colour-blind safe',
      }),
    }),
  });

const Ontology = builder.objectRef<Record<string, never>>('Ontology').implement({
  description: 'Kinds, relationship types and statuses with their labels and colours.',
  fields: (t) => ({
    kinds: t.field({
      type: [KindInfo],
      resolve: () => ENTITY_KINDS.map((kind) => ENTITY_KIND_INFO[kind]),
    }),
    relationshipTypes: t.field({
      type: [TypeInfo],
      resolve: () => RELATIONSHIP_TYPES.map((type) => RELATIONSHIP_TYPE_INFO[type]),
    }),
    statuses: t.field({
      type: [StatusInfo],
      resolve: () => RELATIONSHIP_STATUSES.map((status) => ({ status, ...STATUS_INFO[status] })),
    }),
  }),
});

builder.queryField('ontology', (t) => t.field({ type: Ontology, resolve: () => ({}) }));
