import { readStats, type StatsRow } from '../../db/stats-repository.ts';
import { builder } from '../builder.ts';
import { EntityKindEnum, RelationshipTypeEnum } from './enums.ts';

const KindCount = builder.objectRef<StatsRow['byKind'][number]>('KindCount').implement({
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, resolve: (row) => row.kind }),
    count: t.exposeInt('count'),
  }),
});

const TypeTotal = builder.objectRef<StatsRow['byType'][number]>('TypeTotal').implement({
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, resolve: (row) => row.type }),
    count: t.exposeInt('count'),
  }),
});

const Stats = builder.objectRef<StatsRow>('Stats').implement({
  fields: (t) => ({
    entities: t.exposeInt('entities'),
    relationships: t.exposeInt('relationships'),
    sources: t.exposeInt('sources'),
    byKind: t.field({ type: [KindCount], resolve: (stats) => stats.byKind }),
    byType: t.field({ type: [TypeTotal], resolve: (stats) => stats.byType }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: Stats,
    description: 'Counts by kind and by relationship type.',
    resolve: (_root, _args, { db }) => readStats(db),
  }),
);
