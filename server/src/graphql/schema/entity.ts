import { countEntities, listEntities } from '../../db/entity-repository.ts';
import { type Direction, findRelationshipsOf } from '../../db/relationship-repository.ts';
import { ENTITY_KIND_INFO, ENTITY_KINDS } from '../../domain/entity-kinds.ts';
import { ENTITY_FIELDS, type RecordField } from '../../validation/record-fields.ts';
import type { EntityView, RelationshipView, SourceView } from '../../validation/records.ts';
import { builder } from '../builder.ts';
import { COUNTED_BY_PARENT, EVIDENCE_LIST, MAX_PAGE, PER_PARENT_QUERY, sizeOf } from '../cost.ts';
import { bounded } from '../errors.ts';
import {
  DirectionEnum,
  EntityKindEnum,
  RelationshipStatusEnum,
  RelationshipTypeEnum,
} from './enums.ts';
import { IdentifierRef } from './identifier.ts';
import { exposedFields } from './record-fields.ts';
import {
  decodeCursor,
  EntityRef,
  EvidenceRef,
  encodeCursor,
  type Page,
  RelationshipRef,
  SourceRef,
  VERSION,
} from './refs.ts';

function lastId(items: readonly { id: string }[]): string | null {
  const last = items.at(-1);
  return last ? encodeCursor(last.id) : null;
}

function connection<T extends { id: string }>(
  name: string,
  node: typeof EntityRef | typeof RelationshipRef,
) {
  const Edge = builder.objectRef<T>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.string({ resolve: (item) => encodeCursor(item.id) }),
      node: t.field({ type: node as never, resolve: (item) => item as never }),
    }),
  });
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({
        type: [Edge],
        complexity: COUNTED_BY_PARENT,
        resolve: (page) => page.items,
      }),
      nodes: t.field({
        type: [node as never],
        complexity: COUNTED_BY_PARENT,
        resolve: (page) => page.items as never,
      }),
      pageInfo: t.field({
        type: PageInfo,
        resolve: (page) => ({
          hasNextPage: page.hasNextPage,
          endCursor: lastId(page.items),
        }),
      }),
      totalCount: t.int({ nullable: true, resolve: (page) => page.countTotal?.() ?? null }),
    }),
  });
}

export const PageInfo = builder
  .objectRef<{ hasNextPage: boolean; endCursor: string | null }>('PageInfo')
  .implement({
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage'),
      endCursor: t.exposeString('endCursor', { nullable: true }),
    }),
  });

const EntityConnection = connection<EntityView>('Entity', EntityRef);
const RelationshipConnection = connection<RelationshipView>('Relationship', RelationshipRef);

function page<T>(rows: T[], first: number, countTotal?: () => Promise<number>): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first, countTotal };
}

EntityRef.implement({
  description: 'An organisation, body, country or person.',
  resolveType: (entity) => entity.kind,
  fields: (t) => ({
    // The record's fields (validation/record-schemas.ts), derived; here only those shown differently.
    ...exposedFields(
      t,
      'Entity',
      ENTITY_FIELDS,
      {
        kind: t.field({ type: EntityKindEnum, resolve: (entity) => entity.kind }),
        identifiers: ({ description }: RecordField) =>
          t.field({
            type: [IdentifierRef],
            description,
            resolve: (entity) => entity.identifiers ?? [],
          }),
        evidence: t.field({
          type: [EvidenceRef],
          complexity: EVIDENCE_LIST,
          resolve: (entity) => entity.evidence,
        }),
      },
      'server/src/graphql/schema/entity.ts',
    ),
    datasets: t.exposeStringList('datasets', { description: 'Ids of the datasets it came from' }),
    degree: t.exposeInt('degree', { description: 'How many relationships it has' }),
    version: t.exposeString('version', { nullable: true, description: VERSION }),
    sources: t.field({
      type: [SourceRef],
      complexity: EVIDENCE_LIST,
      description: 'The distinct sources of its evidence',
      resolve: async (entity, _args, { loaders }) => {
        const ids = [...new Set(entity.evidence.map((item) => item.source))];
        const found = await loaders.source.loadMany(ids);
        return found.filter((item): item is SourceView => !!item && !(item instanceof Error));
      },
    }),
    relationships: t.field({
      type: RelationshipConnection,
      args: {
        types: t.arg({ type: [RelationshipTypeEnum], required: false }),
        direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH' }),
        statuses: t.arg({ type: [RelationshipStatusEnum], required: false }),
        asOf: t.arg({ type: 'PartialDate', required: false }),
        first: t.arg.int({ defaultValue: 20 }),
        after: t.arg.string({ required: false }),
      },
      complexity: (args) => ({
        field: PER_PARENT_QUERY,
        multiplier: sizeOf(args.first, 20, MAX_PAGE),
      }),
      resolve: async (entity, args, { db, loaders }) => {
        const first = bounded('first', args.first ?? 20, 1, MAX_PAGE);
        const rows = await findRelationshipsOf(db, entity.id, {
          types: args.types,
          statuses: args.statuses,
          asOf: args.asOf,
          direction: args.direction as Direction,
          first,
          after: decodeCursor(args.after),
        });
        loaders.primeEntities([entity]);
        return page(rows, first);
      },
    }),
  }),
});

for (const kind of ENTITY_KINDS) {
  builder.objectType(builder.objectRef<EntityView>(kind), {
    description: ENTITY_KIND_INFO[kind].description,
    interfaces: [EntityRef],
    isTypeOf: (entity) => (entity as EntityView).kind === kind,
    fields: () => ({}),
  });
}

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { loaders }) => loaders.entity.load(String(args.id)),
  }),
  entities: t.field({
    type: EntityConnection,
    description:
      'All entities, ordered by id, a page at a time; filtered by kind, country or dataset.',
    args: {
      kinds: t.arg({ type: [EntityKindEnum], required: false }),
      country: t.arg.string({ required: false }),
      dataset: t.arg.string({
        required: false,
        description: 'Only the entities of this dataset (an id from `datasets`).',
      }),
      first: t.arg.int({ defaultValue: 20 }),
      after: t.arg.string({ required: false }),
    },
    complexity: (args) => ({ field: 2, multiplier: sizeOf(args.first, 20, MAX_PAGE) }),
    resolve: async (_root, args, { db, loaders }) => {
      const first = bounded('first', args.first ?? 20, 1, MAX_PAGE);
      const query = {
        kinds: args.kinds,
        country: args.country?.toUpperCase(),
        dataset: args.dataset,
        first,
        after: decodeCursor(args.after),
      };
      const rows = await listEntities(db, query);
      loaders.primeEntities(rows);
      return page(rows, first, () => countEntities(db, query));
    },
  }),
}));
