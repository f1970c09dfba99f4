import {
  findCandidates,
  findNamePairs,
  type NamePair,
  type PairCursor,
} from '../../db/duplicate-repository.ts';
import { matchEntities, type NameMatch, rankMatches } from '../../domain/name-matching.ts';
import type { EntityView } from '../../validation/records.ts';
import { builder } from '../builder.ts';
import { MAX_PAGE, PER_PARENT_QUERY, sizeOf } from '../cost.ts';
import { badInput, bounded, notFound } from '../errors.ts';
import { PageInfo } from './entity.ts';
import { decodeCursor, EntityRef, encodeCursor } from './refs.ts';

/** The most candidates one entity is answered with. */
const MAX_CANDIDATES = 50;
/** Entities read to rank for one: candidates of another kind are dropped after reading. */
const CANDIDATES_READ = 200;
/** A normalised name more entities share is a common name, not a sign of a duplicate. */
const MAX_GROUP = 100;

interface Candidate extends NameMatch {
  entity: EntityView;
}

interface Pair extends NameMatch {
  a: EntityView;
  b: EntityView;
  cursor: string;
}

const MATCH_FIELDS = {
  score: 'How likely the two are one entity, from 0 to 1',
  reasons: 'Why, one short sentence each',
  certain:
    'Same Wikidata id; or the same normalised name (or a name and an identifier), the same kind, and no country or Wikidata id that differs',
};

const DuplicateCandidate = builder.objectRef<Candidate>('DuplicateCandidate').implement({
  description: 'An entity that is likely the same as the one asked about.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (candidate) => candidate.entity }),
    score: t.exposeFloat('score', { description: MATCH_FIELDS.score }),
    reasons: t.exposeStringList('reasons', { description: MATCH_FIELDS.reasons }),
    certain: t.exposeBoolean('certain', { description: MATCH_FIELDS.certain }),
  }),
});

const DuplicatePair = builder.objectRef<Pair>('DuplicatePair').implement({
  description: 'Two entities of one kind with the same normalised name; `a` has the smaller id.',
  fields: (t) => ({
    a: t.field({ type: EntityRef, resolve: (pair) => pair.a }),
    b: t.field({ type: EntityRef, resolve: (pair) => pair.b }),
    score: t.exposeFloat('score', { description: MATCH_FIELDS.score }),
    reasons: t.exposeStringList('reasons', { description: MATCH_FIELDS.reasons }),
    certain: t.exposeBoolean('certain', { description: MATCH_FIELDS.certain }),
    cursor: t.exposeString('cursor', { description: 'Pass as `after` for the pairs after it' }),
  }),
});

const DuplicatePairConnection = builder
  .objectRef<{ pairs: Pair[]; hasNextPage: boolean; endCursor: string | null }>(
    'DuplicatePairConnection',
  )
  .implement({
    fields: (t) => ({
      nodes: t.field({
        type: [DuplicatePair],
        complexity: { field: 1, multiplier: 1 },
        resolve: (page) => page.pairs,
      }),
      pageInfo: t.field({
        type: PageInfo,
        resolve: (page) => ({
          hasNextPage: page.hasNextPage,
          endCursor: page.endCursor,
        }),
      }),
    }),
  });

const pairCursor = (pair: NamePair) => encodeCursor(JSON.stringify([pair.key, pair.a, pair.b]));

function decodePairCursor(after: string | null | undefined): PairCursor {
  const text = decodeCursor(after);
  if (text === null) return null;
  const parsed: unknown = (() => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  })();
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !parsed.every((part) => typeof part === 'string')
  )
    throw badInput('after must be a cursor of `duplicates` (pageInfo.endCursor).', 'after');
  const [key, a, b] = parsed as [string, string, string];
  return { key, a, b };
}

builder.queryFields((t) => ({
  duplicateCandidates: t.field({
    type: [DuplicateCandidate],
    description:
      'Entities likely the same as this one, best first: same kind, and a name or alias that matches once normalised (case, accents, punctuation and legal forms such as Ltd, GmbH or AO aside), or the same Wikidata id. NOT_FOUND for an unknown id.',
    args: {
      id: t.arg.id({ required: true }),
      first: t.arg.int({ defaultValue: 10 }),
    },
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier: sizeOf(args.first, 10, MAX_CANDIDATES),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      const first = bounded('first', args.first ?? 10, 1, MAX_CANDIDATES);
      const id = String(args.id);
      const entity = await loaders.entity.load(id);
      if (!entity) throw notFound('entity', id);
      const found = await findCandidates(db, entity, CANDIDATES_READ);
      loaders.primeEntities(found);
      return rankMatches(entity, found).slice(0, first);
    },
  }),
  duplicates: t.field({
    type: DuplicatePairConnection,
    description:
      'Every pair of entities of one kind whose names are the same once normalised, over the whole graph, in name order, a page at a time. A name shared by more than 100 entities is passed over. For matches by alias or Wikidata id, ask `duplicateCandidates` of an entity.',
    args: {
      first: t.arg.int({ defaultValue: 20 }),
      after: t.arg.string({ required: false }),
    },
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier: sizeOf(args.first, 20, MAX_PAGE),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      const first = bounded('first', args.first ?? 20, 1, MAX_PAGE);
      const rows = await findNamePairs(db, decodePairCursor(args.after), first + 1, MAX_GROUP);
      const page = rows.slice(0, first);
      const ids = [...new Set(page.flatMap((row) => [row.a, row.b]))];
      const entities = new Map(
        (await loaders.entity.loadMany(ids)).flatMap((found) =>
          found && !(found instanceof Error) ? [[found.id, found] as const] : [],
        ),
      );
      const pairs = page.flatMap((row): Pair[] => {
        const a = entities.get(row.a);
        const b = entities.get(row.b);
        const match = a && b ? matchEntities(a, b) : undefined;
        return a && b && match ? [{ ...match, a, b, cursor: pairCursor(row) }] : [];
      });
      // From the last pair read, so a pair whose entity went meanwhile does not end the walk.
      const last = page.at(-1);
      return { pairs, hasNextPage: rows.length > first, endCursor: last ? pairCursor(last) : null };
    },
  }),
}));
