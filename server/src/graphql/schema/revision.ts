import type { Check } from '../../db/curation-repository.ts';
import { type Restore, restoreRecords, revisedSince } from '../../db/revert-repository.ts';
import {
  findChange,
  findRevision,
  findRevisions,
  type RevisionRow,
  revisionNote,
} from '../../db/revision-repository.ts';
import {
  fieldChanges,
  RECORD_KINDS,
  REVISION_ACTIONS,
  type RecordKind,
  type RevisionAction,
  type RevisionRecord,
} from '../../domain/revisions.ts';
import { entitySchema, relationshipSchema, sourceSchema } from '../../validation/record-schemas.ts';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../validation/records.ts';
import { builder } from '../builder.ts';
import { MAX_PAGE, PER_PARENT_QUERY, sizeOf } from '../cost.ts';
import { badInput, bounded, userError } from '../errors.ts';
import { requireEditor } from '../plugins/use-authorization.ts';
import {
  EXPECTED_VERSION,
  entityChecks,
  relationshipChecks,
  requireVersion,
  sourceChecks,
} from './curation-checks.ts';
import { parseRecord } from './curation-inputs.ts';
import { PageInfo } from './entity.ts';
import { enumName } from './enums.ts';
import { decodeCursor, encodeCursor } from './refs.ts';

/**
 * Revisions: what each curator's write changed, by whom, when and why; the history of a record
 * (deleted ones included), the feed of recent changes, and reverts, which are writes too.
 */

/** A page of revisions holds 20 unless asked, MAX_PAGE at most. */
const REVISIONS_DEFAULT = 20;

const RecordKindEnum = builder.enumType('RecordKind', {
  description: 'What kind of record a revision is of.',
  values: Object.fromEntries(
    RECORD_KINDS.map((kind) => [enumName(kind), { value: kind }]),
  ) as Record<string, { value: RecordKind }>,
});

const ACTION_INFO: Record<RevisionAction, string> = {
  created: 'The record did not exist before',
  updated: 'Some of its fields changed',
  deleted: 'The record was deleted (its history stays)',
  merged: 'Changed by merging one entity into another',
  reverted: 'Written back as an earlier revision had it, or as it was before a change',
};

const RevisionActionEnum = builder.enumType('RevisionAction', {
  values: Object.fromEntries(
    REVISION_ACTIONS.map((action) => [
      enumName(action),
      { value: action, description: ACTION_INFO[action] },
    ]),
  ) as Record<string, { value: RevisionAction }>,
});

const FieldChangeRef = builder
  .objectRef<{ field: string; before: string | null; after: string | null }>('FieldChange')
  .implement({
    description: 'One field a revision changed, its values as JSON.',
    fields: (t) => ({
      field: t.exposeString('field'),
      before: t.exposeString('before', { nullable: true, description: 'Absent: it had none' }),
      after: t.exposeString('after', { nullable: true, description: 'Absent: it has none' }),
    }),
  });

/** How a record is named in a feed: an entity's name, a source's title, a relationship's ends. */
function labelOf(kind: RecordKind, record: RevisionRecord | null): string | null {
  if (!record) return null;
  if (kind === 'entity') return (record as EntityRecord).name;
  if (kind === 'source') return (record as SourceRecord).title ?? record.id;
  const rel = record as RelationshipRecord;
  return `${rel.from} ${rel.type} ${rel.to}`;
}

const json = (record: RevisionRecord | null) => (record === null ? null : JSON.stringify(record));

const RevisionRef = builder.objectRef<RevisionRow>('Revision').implement({
  description: 'What one curator’s write did to one record.',
  fields: (t) => ({
    id: t.exposeID('id'),
    change: t.exposeID('change', {
      description: 'The write it was part of: a merge or a delete changes several records at once',
    }),
    recordId: t.exposeID('recordId'),
    recordKind: t.field({ type: RecordKindEnum, resolve: (revision) => revision.recordKind }),
    action: t.field({ type: RevisionActionEnum, resolve: (revision) => revision.action }),
    editor: t.exposeString('editor', { description: 'The name of the editor who wrote it' }),
    at: t.exposeString('at', { description: 'When, as an ISO 8601 instant' }),
    comment: t.exposeString('comment', { nullable: true }),
    label: t.string({
      nullable: true,
      description: 'The record’s name as the revision left it (or as it was, if deleted)',
      resolve: (revision) => labelOf(revision.recordKind, revision.after ?? revision.before),
    }),
    changes: t.field({
      type: [FieldChangeRef],
      description: 'The fields it changed, before and after',
      resolve: (revision) => fieldChanges(revision.before, revision.after),
    }),
    before: t.string({
      nullable: true,
      description: 'The whole record before, as JSON in the dataset format; absent if created',
      resolve: (revision) => json(revision.before),
    }),
    after: t.string({
      nullable: true,
      description: 'The whole record after, as JSON in the dataset format; absent if deleted',
      resolve: (revision) => json(revision.after),
    }),
  }),
});

const RevisionConnection = builder
  .objectRef<{ items: RevisionRow[]; hasNextPage: boolean }>('RevisionConnection')
  .implement({
    fields: (t) => ({
      nodes: t.field({ type: [RevisionRef], resolve: (page) => page.items }),
      pageInfo: t.field({
        type: PageInfo,
        resolve: (page) => {
          const last = page.items.at(-1);
          return { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(last.id) : null };
        },
      }),
    }),
  });

const AFTER = 'pageInfo.endCursor of the page before';

const pageComplexity = (args: { first?: number | null }) => ({
  field: PER_PARENT_QUERY,
  multiplier: sizeOf(args.first, REVISIONS_DEFAULT, MAX_PAGE),
});

builder.queryFields((t) => ({
  revisions: t.field({
    type: RevisionConnection,
    description: `The history of one entity, relationship or source, newest first (deleted records keep theirs). ${REVISIONS_DEFAULT} a page unless \`first\` says otherwise (at most ${MAX_PAGE}).`,
    args: {
      id: t.arg.id({ required: true }),
      first: t.arg.int({ defaultValue: REVISIONS_DEFAULT }),
      after: t.arg.string({ description: AFTER }),
    },
    complexity: pageComplexity,
    resolve: (_root, args, { db }) =>
      findRevisions(db, {
        record: String(args.id),
        first: bounded('first', args.first ?? REVISIONS_DEFAULT, 1, MAX_PAGE),
        after: decodeCursor(args.after),
      }),
  }),
  recentChanges: t.field({
    type: RevisionConnection,
    description: `Every curator’s revision, newest first. ${REVISIONS_DEFAULT} a page unless \`first\` says otherwise (at most ${MAX_PAGE}).`,
    args: {
      first: t.arg.int({ defaultValue: REVISIONS_DEFAULT }),
      after: t.arg.string({ description: AFTER }),
    },
    complexity: pageComplexity,
    resolve: (_root, args, { db }) =>
      findRevisions(db, {
        record: null,
        first: bounded('first', args.first ?? REVISIONS_DEFAULT, 1, MAX_PAGE),
        after: decodeCursor(args.after),
      }),
  }),
}));

/** A record from a revision, checked again as its write would be, with the checks it must pass. */
function restoreOf(
  kind: RecordKind,
  id: string,
  stored: RevisionRecord | null,
  expectedVersion?: string | null,
): Restore {
  if (stored === null) {
    if (kind === 'source') {
      throw badInput('A source is never deleted, so its creation cannot be reverted.', 'revision');
    }
    return { kind, id, record: null, check: requireVersion(kind, id, expectedVersion) };
  }
  let record: RevisionRecord;
  let check: Check;
  if (kind === 'entity') {
    record = parseRecord(entitySchema, stored);
    check = entityChecks(record, expectedVersion);
  } else if (kind === 'relationship') {
    const parsed = parseRecord(relationshipSchema, stored);
    record = { ...parsed, id } as RelationshipRecord;
    check = relationshipChecks(record, expectedVersion);
  } else {
    record = parseRecord(sourceSchema, stored);
    check = sourceChecks(record, expectedVersion);
  }
  return { kind, id, record, check };
}

const COMMENT = 'Why the revert was made, kept with its revision.';

builder.mutationFields((t) => ({
  revertRecord: t.field({
    type: [RevisionRef],
    description:
      'Writes a record back as the given revision left it (deleting it if that revision deleted it), as a new revision. Editors only. Answers the revisions written: none if the record is already so.',
    args: {
      revision: t.arg.id({ required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
      comment: t.arg.string({ description: COMMENT }),
    },
    resolve: async (_root, args, context) => {
      const editor = requireEditor(context);
      const revision = await findRevision(context.db, String(args.revision));
      if (!revision) {
        throw userError('NOT_FOUND', `No revision with id "${args.revision}".`, {
          id: args.revision,
          field: 'revision',
        });
      }
      const step = restoreOf(
        revision.recordKind,
        revision.recordId,
        revision.after,
        args.expectedVersion,
      );
      const note = {
        ...revisionNote(editor, args.comment ?? `Reverted to revision ${revision.id}.`),
        action: 'reverted' as const,
      };
      await restoreRecords(context.db, [step], note);
      context.loaders.forgetEntities();
      context.loaders.source.clearAll();
      return findChange(context.db, note.change.id);
    },
  }),

  revertChange: t.field({
    type: [RevisionRef],
    description:
      'Undoes one write (a revision’s `change`: a merge, a delete with its relationships, an edit): every record it changed goes back to how it was before, in one transaction, as new revisions. Refused with CONFLICT if a later write changed one of them. Editors only.',
    args: {
      change: t.arg.id({ required: true }),
      comment: t.arg.string({ description: COMMENT }),
    },
    resolve: async (_root, args, context) => {
      const editor = requireEditor(context);
      const change = String(args.change);
      const revisions = await findChange(context.db, change);
      const [first] = revisions;
      if (!first) {
        throw userError('NOT_FOUND', `No change with id "${change}".`, {
          id: change,
          field: 'change',
        });
      }
      const later = await revisedSince(
        context.db,
        change,
        first.id,
        revisions.map((revision) => revision.recordId),
      );
      if (later.length > 0) {
        throw userError(
          'CONFLICT',
          `Changed since: ${later.map((row) => `${row.record} (revision ${row.latest})`).join(', ')}; revert those records one by one (revertRecord); nothing was written.`,
          { field: 'change', records: later.map((row) => row.record) },
        );
      }
      // The reverse of the order the change made them in undoes it (see mergeEntities).
      const steps = [...revisions]
        .reverse()
        .map((revision) => restoreOf(revision.recordKind, revision.recordId, revision.before));
      const note = {
        ...revisionNote(editor, args.comment ?? `Undid change ${change}.`),
        action: 'reverted' as const,
      };
      await restoreRecords(context.db, steps, note);
      context.loaders.forgetEntities();
      context.loaders.source.clearAll();
      return findChange(context.db, note.change.id);
    },
  }),
}));
