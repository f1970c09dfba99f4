import { type MergePreview, previewMerge } from '../../db/merge-repository.ts';
import type { EntityView } from '../../validation/records.ts';
import { builder } from '../builder.ts';
import { PER_PARENT_QUERY } from '../cost.ts';
import { badInput, notFound } from '../errors.ts';
import { EntityRef, RelationshipRef } from './refs.ts';

/** The most relationships a preview lists of those that move (and of those deleted). */
const LISTED = 20;

const MergePreviewRef = builder
  .objectRef<MergePreview & { keep: EntityView; drop: EntityView }>('MergePreview')
  .implement({
    description: 'What `mergeEntities` would do with these two, as the graph is now.',
    fields: (t) => ({
      keep: t.field({ type: EntityRef, resolve: (preview) => preview.keep }),
      drop: t.field({ type: EntityRef, resolve: (preview) => preview.drop }),
      aliases: t.exposeStringList('aliases', {
        description: "Keep's aliases after the merge: its own, drop's, and drop's name",
      }),
      moving: t.exposeInt('moving', {
        description: "How many of drop's relationships move to keep, with their ids",
      }),
      moved: t.field({
        type: [RelationshipRef],
        description: `The first ${LISTED} of those that move, by id`,
        complexity: { field: 1, multiplier: LISTED },
        resolve: (preview) => preview.moved,
      }),
      removed: t.field({
        type: [RelationshipRef],
        description: `Relationships between the two, deleted by the merge (the first ${LISTED})`,
        complexity: { field: 1, multiplier: LISTED },
        resolve: (preview) => preview.removed,
      }),
      sources: t.exposeInt('sources', {
        description: 'Sources naming drop as publisher or author, which will name keep',
      }),
    }),
  });

builder.queryFields((t) => ({
  mergePreview: t.field({
    type: MergePreviewRef,
    description:
      'What merging `drop` into `keep` would move, add and delete, written nowhere: the preview of `mergeEntities`. NOT_FOUND for an unknown id.',
    args: {
      keep: t.arg.id({ required: true }),
      drop: t.arg.id({ required: true }),
    },
    complexity: { field: PER_PARENT_QUERY },
    resolve: async (_root, args, { db, loaders }) => {
      const [keep, drop] = [String(args.keep), String(args.drop)];
      if (keep === drop) throw badInput('keep and drop must be different entities.', 'drop');
      const [kept, dropped] = await Promise.all([
        loaders.entity.load(keep),
        loaders.entity.load(drop),
      ]);
      if (!kept) throw notFound('entity', keep);
      if (!dropped) throw notFound('entity', drop);
      const preview = await previewMerge(db, keep, drop, LISTED);
      if (!preview) throw notFound('entity', drop);
      return { ...preview, keep: kept, drop: dropped };
    },
  }),
}));
