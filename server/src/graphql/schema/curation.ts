import {
  type Check,
  deleteEntity,
  deleteRelationship,
  upsertEntity,
  upsertRelationship,
  upsertSource,
} from '../../db/curation-repository.ts';
import { mergeEntities } from '../../db/merge-repository.ts';
import { firstDay, lastDay } from '../../domain/partial-date.ts';
import { deriveRelationshipId } from '../../domain/relationship-id.ts';
import { endpointProblem } from '../../domain/relationship-types.ts';
import { endedProblem, historyProblems } from '../../domain/status-history.ts';
import { entitySchema, relationshipSchema, sourceSchema } from '../../validation/record-schemas.ts';
import type { EvidenceRecord } from '../../validation/records.ts';
import { builder } from '../builder.ts';
import { badInput, userError } from '../errors.ts';
import { requireEditor } from '../plugins/use-authorization.ts';
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
 * write writes nothing.
 */

function missing(what: 'entity' | 'relationship', id: string, field: string) {
  return userError('NOT_FOUND', `No ${what} with id "${id}".`, { id, field });
}

/** Refuses evidence that names a source the database does not hold. */
function requireSources(evidence: readonly EvidenceRecord[]): Check {
  return (found) => {
    const unknown = evidence.find((item) => !found.sources.has(item.source));
    if (unknown) throw badInput(`evidence names unknown source "${unknown.source}".`, 'evidence');
  };
}

/**
 * Refuses a write of a record that changed since the caller read it: `expected` is the version it
 * read (absent: the write does not depend on what it replaces).
 */
function requireVersion(
  what: 'entity' | 'relationship' | 'source',
  id: string,
  expected: string | null | undefined,
  field = 'expectedVersion',
): Check {
  return (found) => {
    if (expected === null || expected === undefined || found.version === expected) return;
    throw userError(
      'CONFLICT',
      found.version === null
        ? `The ${what} "${id}" was deleted since version ${expected} was read; nothing was written.`
        : `The ${what} "${id}" has changed since version ${expected} was read (it is now ${found.version}); nothing was written.`,
      { id, field, version: found.version },
    );
  };
}

/** Both checks, in order. */
function all(...checks: Check[]): Check {
  return (found) => {
    for (const check of checks) check(found);
  };
}

const EXPECTED_VERSION =
  'The version of the record as read (its `version`): if it has changed since, the write is refused with CONFLICT and nothing is written. Absent: written whatever it replaces.';

function requireEntities(named: Partial<Record<string, string>>): Check {
  return (found) => {
    for (const [field, id] of Object.entries(named)) {
      if (id && !found.entities.has(id)) throw missing('entity', id, field);
    }
  };
}

builder.mutationFields((t) => ({
  upsertEntity: t.field({
    type: EntityRef,
    description: 'Creates an entity, or replaces the one with this id. Editors only.',
    args: {
      input: t.arg({ type: UpsertEntityInput, required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
    },
    resolve: async (_root, args, context) => {
      requireEditor(context);
      const record = parseRecord(entitySchema, args.input);
      const entity = await upsertEntity(
        context.db,
        record,
        all(
          requireVersion('entity', record.id, args.expectedVersion),
          requireSources(record.evidence),
        ),
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
    },
    resolve: async (_root, args, context) => {
      requireEditor(context);
      const id = String(args.id);
      const check = requireVersion('entity', id, args.expectedVersion);
      if (!(await deleteEntity(context.db, id, check))) throw missing('entity', id, 'id');
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
    },
    resolve: async (_root, args, context) => {
      requireEditor(context);
      const parsed = parseRecord(relationshipSchema, args.input);
      const rel = { ...parsed, id: parsed.id ?? deriveRelationshipId(parsed) };
      if (rel.since && rel.until && lastDay(rel.until) < firstDay(rel.since)) {
        throw badInput(`until ${rel.until} is before since ${rel.since}.`, 'until');
      }
      const ended = endedProblem(rel);
      if (ended) throw badInput(`${ended}.`, 'status');
      const [phaseProblem] = historyProblems(rel);
      if (phaseProblem) {
        throw badInput(
          `history.${phaseProblem.index}.${phaseProblem.field}: ${phaseProblem.message}.`,
          'history',
        );
      }
      const written = await upsertRelationship(context.db, rel, (found) => {
        requireVersion('relationship', rel.id, args.expectedVersion)(found);
        const fromKind = found.entities.get(rel.from);
        if (!fromKind) throw missing('entity', rel.from, 'from');
        const toKind = found.entities.get(rel.to);
        if (!toKind) throw missing('entity', rel.to, 'to');
        const problem = endpointProblem(rel.type, fromKind, toKind);
        if (problem) {
          throw badInput(`${problem}: ${rel.from} (${fromKind}) -> ${rel.to} (${toKind}).`, 'type');
        }
        requireSources([...rel.evidence, ...rel.history.flatMap((phase) => phase.evidence)])(found);
      });
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
    },
    resolve: async (_root, args, context) => {
      requireEditor(context);
      const id = String(args.id);
      const check = requireVersion('relationship', id, args.expectedVersion);
      if (!(await deleteRelationship(context.db, id, check))) {
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
    },
    resolve: async (_root, args, context) => {
      requireEditor(context);
      const record = parseRecord(sourceSchema, args.input);
      const source = await upsertSource(
        context.db,
        record,
        all(
          requireVersion('source', record.id, args.expectedVersion),
          requireEntities({ publisher: record.publisher, author: record.author }),
        ),
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
    },
    resolve: async (_root, args, context) => {
      requireEditor(context);
      const [keep, drop] = [String(args.keep), String(args.drop)];
      if (keep === drop) throw badInput('keep and drop must be different entities.', 'drop');
      const entity = await mergeEntities(
        context.db,
        keep,
        drop,
        all(
          requireEntities({ keep, drop }),
          requireVersion('entity', keep, args.keepVersion, 'keepVersion'),
        ),
        requireVersion('entity', drop, args.dropVersion, 'dropVersion'),
      );
      context.loaders.forgetEntities();
      context.loaders.replaceEntity(entity);
      return entity;
    },
  }),
}));
