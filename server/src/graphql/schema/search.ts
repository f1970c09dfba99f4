import { type SearchHitRow, searchEntities } from '../../db/entity-repository.ts';
import { searchSources } from '../../db/source-repository.ts';
import { builder } from '../builder.ts';
import { PER_PARENT_QUERY, sizeOf } from '../cost.ts';
import { badInput, bounded } from '../errors.ts';
import { EntityKindEnum } from './enums.ts';
import { EntityRef, SourceRef } from './refs.ts';

/** The most hits one search returns. */
const MAX_HITS = 50;
/** The longest text searched for. */
const MAX_TEXT = 200;

function searchText(text: string): string {
  if (text.length > MAX_TEXT)
    throw badInput(`text must be at most ${MAX_TEXT} characters.`, 'text');
  return text;
}

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
      const first = bounded('first', args.first ?? 10, 1, MAX_HITS);
      const hits = await searchEntities(db, searchText(args.text), { kinds: args.kinds, first });
      loaders.primeEntities(hits.map((hit) => hit.entity));
      return hits;
    },
  }),
);

builder.queryField('sources', (t) =>
  t.field({
    type: [SourceRef],
    description:
      "Full-text search over sources' titles, ids and URLs, tolerant of one typo per word: the evidence an editor cites.",
    args: {
      text: t.arg.string({ required: true }),
      first: t.arg.int({ defaultValue: 10 }),
    },
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier: sizeOf(args.first, 10, MAX_HITS),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      const first = bounded('first', args.first ?? 10, 1, MAX_HITS);
      const sources = await searchSources(db, searchText(args.text), first);
      for (const source of sources) loaders.source.clear(source.id).prime(source.id, source);
      return sources;
    },
  }),
);
