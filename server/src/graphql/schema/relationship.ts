import { findRelationship, findTimeline } from '../../db/relationship-repository.ts';
import { isValidAt } from '../../domain/partial-date.ts';
import { RELATIONSHIP_TYPE_INFO } from '../../domain/relationship-types.ts';
import { phasesOf, statusAt } from '../../domain/status-history.ts';
import { builder } from '../builder.ts';
import { EVIDENCE_LIST, PER_PARENT_QUERY, sizeOf } from '../cost.ts';
import { bounded, notFound } from '../errors.ts';
import type { Loaders } from '../loaders.ts';
import { RelationshipStatusEnum, RelationshipTypeEnum } from './enums.ts';
import {
  EntityRef,
  EvidenceRef,
  RelationshipRef,
  SourceRef,
  StatusPhaseRef,
  VERSION,
} from './refs.ts';

/** A relationship's end; one that is gone (deleted since it was read) is an error, not a null. */
function endOf(loaders: Loaders, id: string) {
  const entity = loaders.entityById(id);
  if (!(entity instanceof Promise)) return entity;
  return entity.then((found) => found ?? Promise.reject(notFound('entity', id)));
}

RelationshipRef.implement({
  description: 'A dated, evidenced tie between two entities.',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.field({ type: RelationshipTypeEnum, resolve: (rel) => rel.type }),
    label: t.string({
      description: 'How it reads from `from` to `to`, e.g. "is a member of"',
      resolve: (rel) => RELATIONSHIP_TYPE_INFO[rel.type].label,
    }),
    from: t.field({
      type: EntityRef,
      resolve: (rel, _args, { loaders }) => endOf(loaders, rel.from),
    }),
    to: t.field({
      type: EntityRef,
      resolve: (rel, _args, { loaders }) => endOf(loaders, rel.to),
    }),
    since: t.expose('since', { type: 'PartialDate', nullable: true }),
    until: t.expose('until', { type: 'PartialDate', nullable: true }),
    status: t.field({
      type: RelationshipStatusEnum,
      description:
        'The status in force at the date the relationship was asked about (`asOf`), or its latest',
      resolve: (rel) => statusAt(rel, rel.asOf),
    }),
    history: t.field({
      type: [StatusPhaseRef],
      complexity: EVIDENCE_LIST,
      description:
        'Its status over time: the status it began in from `since`, then each change, with its own evidence',
      resolve: (rel) => phasesOf(rel),
    }),
    statusAt: t.field({
      type: RelationshipStatusEnum,
      nullable: true,
      description: 'The status in force at a date; null when the relationship does not hold then',
      args: { date: t.arg({ type: 'PartialDate', required: true }) },
      resolve: (rel, args) => (isValidAt(rel, args.date) ? statusAt(rel, args.date) : null),
    }),
    role: t.exposeString('role', { nullable: true }),
    measure: t.exposeString('measure', { nullable: true }),
    instrument: t.exposeString('instrument', { nullable: true }),
    claim: t.exposeString('claim', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    dataset: t.exposeString('dataset', { nullable: true }),
    version: t.exposeString('version', { nullable: true, description: VERSION }),
    evidence: t.field({
      type: [EvidenceRef],
      complexity: EVIDENCE_LIST,
      resolve: (rel) => rel.evidence,
    }),
  }),
});

StatusPhaseRef.implement({
  description: 'A stretch of a relationship in one status, and what says so.',
  fields: (t) => ({
    status: t.field({ type: RelationshipStatusEnum, resolve: (phase) => phase.status }),
    since: t.expose('since', { type: 'PartialDate', nullable: true }),
    until: t.expose('until', {
      type: 'PartialDate',
      nullable: true,
      description: "The next phase's start, or the relationship's end",
    }),
    note: t.exposeString('note', { nullable: true }),
    evidence: t.field({
      type: [EvidenceRef],
      complexity: EVIDENCE_LIST,
      resolve: (phase) => phase.evidence,
    }),
    dataset: t.exposeString('dataset', {
      nullable: true,
      description: 'The dataset that states this phase',
    }),
  }),
});

EvidenceRef.implement({
  description:
    'What backs a relationship or an entity: a source and, where there is one, the exact quote.',
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      resolve: async (evidence, _args, { loaders }) =>
        (await loaders.source.load(evidence.source)) ?? {
          id: evidence.source,
          title: evidence.source,
        },
    }),
    quote: t.exposeString('quote', { nullable: true }),
  }),
});

SourceRef.implement({
  description: 'A document: an article, a press release, a legal act, a dataset export.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    url: t.exposeString('url', { nullable: true }),
    published: t.expose('published', { type: 'PartialDate', nullable: true }),
    publisher: t.field({
      type: EntityRef,
      nullable: true,
      resolve: (source, _args, { loaders }) =>
        source.publisher ? loaders.entity.load(source.publisher) : null,
    }),
    author: t.field({
      type: EntityRef,
      nullable: true,
      resolve: (source, _args, { loaders }) =>
        source.author ? loaders.entity.load(source.author) : null,
    }),
    dataset: t.exposeString('dataset', { nullable: true }),
    version: t.exposeString('version', { nullable: true, description: VERSION }),
  }),
});

builder.queryField('relationship', (t) =>
  t.field({
    type: RelationshipRef,
    nullable: true,
    description: 'One relationship with its evidence; null when there is none with this id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db }) => findRelationship(db, String(args.id)),
  }),
);

/** A timeline holds the earliest `first` dated relationships: 500 unless asked, 2,000 at most. */
const TIMELINE_DEFAULT = 500;
const TIMELINE_MAX = 2000;

builder.queryField('timeline', (t) =>
  t.field({
    type: [RelationshipRef],
    description: `An entity's dated relationships, earliest first: the first ${TIMELINE_DEFAULT} unless \`first\` says otherwise (at most ${TIMELINE_MAX}).`,
    args: {
      id: t.arg.id({ required: true }),
      first: t.arg.int({ defaultValue: TIMELINE_DEFAULT }),
      asOf: t.arg({
        type: 'PartialDate',
        required: false,
        description: 'Each status is the one in force then; all dated relationships are listed',
      }),
    },
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier: sizeOf(args.first, TIMELINE_DEFAULT, TIMELINE_MAX),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      const id = String(args.id);
      const first = bounded('first', args.first ?? TIMELINE_DEFAULT, 1, TIMELINE_MAX);
      if (!(await loaders.entity.load(id))) throw notFound('entity', id);
      return findTimeline(db, id, first, args.asOf);
    },
  }),
);
