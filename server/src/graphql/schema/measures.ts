import {
  findRanking,
  type RankedMeasure,
  type RankingRow,
  type StoredMeasures,
} from '../../db/measure-repository.ts';
import { builder } from '../builder.ts';
import { MAX_PAGE, sizeOf } from '../cost.ts';
import { bounded } from '../errors.ts';
import { EntityKindEnum } from './enums.ts';
import { EntityRef } from './refs.ts';

const RANKING_DEFAULT = 20;

const MeasureEnum = builder.enumType('Measure', {
  description: 'A stored measure entities are ranked by (see `npm run measures`).',
  values: {
    DEGREE: { value: 'degree', description: 'How many other entities it is tied to' },
    BETWEENNESS: {
      value: 'betweenness',
      description: 'The share of shortest paths between two others that pass through it',
    },
    PAGERANK: { value: 'pagerank', description: 'PageRank over its relationships' },
  } satisfies Record<string, { value: RankedMeasure; description: string }>,
});

const EntityMeasuresRef = builder.objectRef<StoredMeasures>('EntityMeasures').implement({
  description:
    'Measures of an entity in the graph (or one dataset) as the measures job last computed them; relationships count either way round.',
  fields: (t) => ({
    degree: t.exposeInt('degree', { description: 'How many other entities it is tied to' }),
    weightedDegree: t.exposeInt('weightedDegree', {
      description: 'How many relationships tie it to them',
    }),
    betweenness: t.exposeFloat('betweenness', {
      description: 'The share of shortest paths between two others that pass through it, 0 to 1',
    }),
    pagerank: t.exposeFloat('pagerank', { description: 'PageRank, summing to 1 over the graph' }),
    community: t.exposeInt('community', {
      description: 'Its Louvain community: 0 is the largest, then by size',
    }),
    computedAt: t.exposeString('computedAt', { description: 'When they were computed (ISO 8601)' }),
    asOf: t.field({
      type: 'PartialDate',
      nullable: true,
      description: 'The date the graph was measured as of; null for every relationship ever',
      resolve: (measures) => measures.asOf,
    }),
    dataset: t.exposeString('dataset', {
      nullable: true,
      description: 'The dataset measured alone; null for the whole graph',
    }),
  }),
});

builder.interfaceField(EntityRef, 'measures', (t) =>
  t.field({
    type: EntityMeasuresRef,
    nullable: true,
    description: 'Its stored measures; null until `npm run measures` has measured it',
    resolve: (entity, _args, { loaders }) => loaders.measures.load(entity.id),
  }),
);

const RankedEntityRef = builder.objectRef<RankingRow>('RankedEntity').implement({
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (row) => row.entity }),
    value: t.exposeFloat('value', { description: 'Its value of the measure ranked by' }),
    community: t.int({ nullable: true, resolve: (row) => row.measures.community }),
  }),
});

builder.queryField('ranking', (t) =>
  t.field({
    type: [RankedEntityRef],
    description:
      'The entities with the highest stored value of a measure, highest first (ties by id). With `asOf`, only measures computed as of that date; run `npm run measures -- --as-of DATE` first.',
    args: {
      measure: t.arg({ type: MeasureEnum, required: true }),
      kinds: t.arg({ type: [EntityKindEnum], required: false }),
      asOf: t.arg({ type: 'PartialDate', required: false }),
      first: t.arg.int({ defaultValue: RANKING_DEFAULT }),
    },
    complexity: (args) => ({
      field: 2,
      multiplier: sizeOf(args.first, RANKING_DEFAULT, MAX_PAGE),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      const first = bounded('first', args.first ?? RANKING_DEFAULT, 1, MAX_PAGE);
      const rows = await findRanking(db, {
        measure: args.measure,
        kinds: args.kinds,
        asOf: args.asOf,
        first,
      });
      loaders.primeEntities(rows.map((row) => row.entity));
      for (const row of rows) loaders.measures.prime(row.entity.id, row.measures);
      return rows;
    },
  }),
);
