import { type SearchHitRow, searchEntities } from '../../db/entity-repository.ts';
import { builder } from '../builder.ts';
import { PER_PARENT_QUERY, sizeOf } from '../cost.ts';
import { badInput, bounded } from '../errors.ts';
import { EntityKindEnum } from './enums.ts';
import { EntityRef } from './refs.ts';

/** The most hits one search returns. */
const MAX_HITS = 50;

const SearchHit = builder.objectRef<SearchHitRow>('SearchHit').implement({
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (hit) => hit.entity }),
    score: t.exposeFloat('score', { description: 'Relevance; higher is better' }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHit],
    description: 'Full-text search over names and aliases, tolerant of one typo per word.',
    args: {
      text: t.arg.string({ required: true }),
      kinds: t.arg({ type: [EntityKindEnum], required: false }),
      first: t.arg.int({ defaultValue: 10 }),
    },
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier: sizeOf(args.first, 10, MAX_HITS),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      if (args.text.length > 200) throw badInput('text must be at most 200 characters.', 'text');
      const first = bounded('first', args.first ?? 10, 1, MAX_HITS);
      const hits = await searchEntities(db, args.text, { kinds: args.kinds, first });
      loaders.primeEntities(hits.map((hit) => hit.entity));
      return hits;
    },
  }),
);
