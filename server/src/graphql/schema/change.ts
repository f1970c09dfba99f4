import { type ChangeRow, findChanges, findTimeSpan } from '../../db/change-repository.ts';
import { comparePartialDates } from '../../domain/partial-date.ts';
import {
  CHANGE_KINDS,
  type ChangeKind,
  type TimeSpan as Span,
} from '../../domain/status-history.ts';
import { builder } from '../builder.ts';
import { COUNTED_BY_PARENT, PER_PARENT_QUERY, sizeOf } from '../cost.ts';
import { badInput, bounded } from '../errors.ts';
import { RelationshipStatusEnum, RelationshipTypeEnum } from './enums.ts';
import { RelationshipRef } from './refs.ts';

/** A `changes` answer holds the first 100 changes unless asked, 1,000 at most. */
const CHANGES_DEFAULT = 100;
const CHANGES_MAX = 1000;

const CHANGE_KIND_INFO: Record<ChangeKind, string> = {
  STARTED: 'The relationship began to hold',
  ENDED: 'The relationship stopped holding',
  STATUS_CHANGED: 'A new phase of its status history began',
};

const ChangeKindEnum = builder.enumType('ChangeKind', {
  values: Object.fromEntries(
    CHANGE_KINDS.map((kind) => [kind, { value: kind, description: CHANGE_KIND_INFO[kind] }]),
  ) as Record<string, { value: ChangeKind }>,
});

const ChangeRef = builder.objectRef<ChangeRow>('Change').implement({
  description: 'Something that happened to a relationship between two dates.',
  fields: (t) => ({
    date: t.expose('date', { type: 'PartialDate' }),
    kind: t.field({ type: ChangeKindEnum, resolve: (change) => change.kind }),
    relationship: t.field({
      type: RelationshipRef,
      complexity: COUNTED_BY_PARENT,
      description: 'The relationship, with its status at `to`',
      resolve: (change) => change.relationship,
    }),
    fromStatus: t.field({
      type: RelationshipStatusEnum,
      nullable: true,
      description: 'The status before the change (none when it started)',
      resolve: (change) => change.fromStatus ?? null,
    }),
    toStatus: t.field({
      type: RelationshipStatusEnum,
      nullable: true,
      description: 'The status after the change (none when it ended)',
      resolve: (change) => change.toStatus ?? null,
    }),
  }),
});

const TimeSpan = builder.objectRef<Span>('TimeSpan').implement({
  description: 'The first and last days the data speaks of.',
  fields: (t) => ({
    earliest: t.expose('earliest', { type: 'PartialDate', nullable: true }),
    latest: t.expose('latest', { type: 'PartialDate', nullable: true }),
  }),
});

builder.queryFields((t) => ({
  changes: t.field({
    type: [ChangeRef],
    description: `What changed after \`from\` and up to \`to\`, in date order: relationships that started or ended and statuses that changed, so that the state at \`to\` differs from the state at \`from\`. With \`ids\`, only the relationships of those entities. The first ${CHANGES_DEFAULT} unless \`first\` says otherwise (at most ${CHANGES_MAX}).`,
    args: {
      ids: t.arg.idList({ required: false }),
      from: t.arg({ type: 'PartialDate', required: true }),
      to: t.arg({ type: 'PartialDate', required: true }),
      relationshipTypes: t.arg({ type: [RelationshipTypeEnum], required: false }),
      first: t.arg.int({ defaultValue: CHANGES_DEFAULT }),
    },
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier: sizeOf(args.first, CHANGES_DEFAULT, CHANGES_MAX),
    }),
    resolve: (_root, args, { db }) => {
      if (args.ids && (args.ids.length === 0 || args.ids.length > 2000))
        throw badInput('ids must hold 1 to 2000 ids, or be left out for all.', 'ids');
      if (comparePartialDates(args.from, args.to) > 0)
        throw badInput(`from ${args.from} is after to ${args.to}.`, 'to');
      return findChanges(db, {
        ids: args.ids ? [...new Set(args.ids.map(String))] : null,
        from: args.from,
        to: args.to,
        types: args.relationshipTypes,
        first: bounded('first', args.first ?? CHANGES_DEFAULT, 1, CHANGES_MAX),
      });
    },
  }),
  timeSpan: t.field({
    type: TimeSpan,
    description:
      'The first and last days the data holds: where relationships begin and end, phases begin, entities are founded and dissolved.',
    resolve: (_root, _args, { db }) => findTimeSpan(db),
  }),
}));
