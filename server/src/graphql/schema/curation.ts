import {
  deleteEntity,
  deleteRelationship,
  upsertEntity,
  upsertRelationship,
  upsertSource,
} from '../../db/curation-repository.ts';
import { mergeEntities } from '../../db/merge-repository.ts';
import { revisionNote } from '../../db/revision-repository.ts';
import { deriveRelationshipId } from '../../domain/relationship-id.ts';
import { entitySchema, relationshipSchema, sourceSchema } from '../../validation/record-schemas.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { requireEditor } from '../plugins/use-authorization.ts';
import {
  all,
  EXPECTED_VERSION,
  entityChecks,
  missing,
  relationshipChecks,
  requireEntities,
  requireVersion,
  sourceChecks,
} from './curation-checks.ts';
import {
  parseRecord,
  UpsertEntityInput,
  UpsertRelationshipInput,
  UpsertSourceInput,
} from './curation-inputs.ts';
import { EntityRef, RelationshipRef, SourceRef } from './refs.ts';

/**
 * Curator mutations. Each checks the caller first, then the input's shape with the seeder's
 * record schemas, then (inside the write's transaction) what the input refers to: a refused
 * write writes nothing. Each write records a revision of every record it changes, with the
 * editor's name and the comment given.
 */

const COMMENT = 'Why the change was made, kept with its revision.';

builder.mutationFields((t) => ({
  upsertEntity: t.field({
    type: EntityRef,
    description: 'Creates an entity, or replaces the one with this id. Editors only.',
    args: {
      input: t.arg({ type: UpsertEntityInput, required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
      comment: t.arg.string({ description: COMMENT }),
    },
    resolve: async (_root, args, context) => {
      const editor = requireEditor(context);
      const record = parseRecord(entitySchema, args.input);
      const entity = await upsertEntity(
        context.db,
        record,
        entityChecks(record, args.expectedVersion),
        revisionNote(editor, args.comment),
      );
      context.loaders.replaceEntity(entity);
      return entity;
    },
  }),

  deleteEntity: t.boolean({
    description: 'Deletes an entity with all its relationships. Editors only.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
      comment: t.arg.string({ description: COMMENT }),
    },
    resolve: async (_root, args, context) => {
      const editor = requireEditor(context);
      const id = String(args.id);
      const check = requireVersion('entity', id, args.expectedVersion);
      const note = revisionNote(editor, args.comment);
      if (!(await deleteEntity(context.db, id, check, note))) throw missing('entity', id, 'id');
      // Its neighbours' degrees changed too.
      context.loaders.forgetEntities();
      return true;
    },
  }),

  upsertRelationship: t.field({
    type: RelationshipRef,
    description:
      'Creates a relationship, or replaces the one with this id (of any type). Editors only.',
    args: {
      input: t.arg({ type: UpsertRelationshipInput, required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
      comment: t.arg.string({ description: COMMENT }),
    },
    resolve: async (_root, args, context) => {
      const editor = requireEditor(context);
      const parsed = parseRecord(relationshipSchema, args.input);
      const rel = { ...parsed, id: parsed.id ?? deriveRelationshipId(parsed) };
      const written = await upsertRelationship(
        context.db,
        rel,
        relationshipChecks(rel, args.expectedVersion),
        revisionNote(editor, args.comment),
      );
      // The ends' degrees changed, and so did those of any ends the replaced one had.
      context.loaders.forgetEntities();
      return written;
    },
  }),

  deleteRelationship: t.boolean({
    description: 'Deletes a relationship by id, whatever its type. Editors only.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
      comment: t.arg.string({ description: COMMENT }),
    },
    resolve: async (_root, args, context) => {
      const editor = requireEditor(context);
      const id = String(args.id);
      const check = requireVersion('relationship', id, args.expectedVersion);
      const note = revisionNote(editor, args.comment);
      if (!(await deleteRelationship(context.db, id, check, note))) {
        throw missing('relationship', id, 'id');
      }
      context.loaders.forgetEntities();
      return true;
    },
  }),

  upsertSource: t.field({
    type: SourceRef,
    description: 'Creates a source, or replaces the one with this id. Editors only.',
    args: {
      input: t.arg({ type: UpsertSourceInput, required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
      comment: t.arg.string({ description: COMMENT }),
    },
    resolve: async (_root, args, context) => {
      const editor = requireEditor(context);
      const record = parseRecord(sourceSchema, args.input);
      const source = await upsertSource(
        context.db,
        record,
        sourceChecks(record, args.expectedVersion),
        revisionNote(editor, args.comment),
      );
      context.loaders.source.clear(source.id).prime(source.id, source);
      return source;
    },
  }),

  mergeEntities: t.field({
    type: EntityRef,
    description:
      'Folds a duplicate into the entity to keep: its relationships move over with their ids, ' +
      'its name becomes an alias, and it is deleted. Editors only.',
    args: {
      keep: t.arg.id({ required: true }),
      drop: t.arg.id({ required: true }),
      keepVersion: t.arg.string({ description: `For keep: ${EXPECTED_VERSION}` }),
      dropVersion: t.arg.string({ description: `For drop: ${EXPECTED_VERSION}` }),
      comment: t.arg.string({ description: COMMENT }),
    },
    resolve: async (_root, args, context) => {
      const editor = requireEditor(context);
      const [keep, drop] = [String(args.keep), String(args.drop)];
      if (keep === drop) throw badInput('keep and drop must be different entities.', 'drop');
      const entity = await mergeEntities(
        context.db,
        keep,
        drop,
        {
          keep: all(
            requireEntities({ keep, drop }),
            requireVersion('entity', keep, args.keepVersion, 'keepVersion'),
          ),
          drop: requireVersion('entity', drop, args.dropVersion, 'dropVersion'),
        },
        revisionNote(editor, args.comment),
      );
      context.loaders.forgetEntities();
      context.loaders.replaceEntity(entity);
      return entity;
    },
  }),
}));
