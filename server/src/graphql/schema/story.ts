import { findStories, findStory } from '../../db/story-repository.ts';
import { deleteStory, type StoryCheck, saveStory } from '../../db/story-writes.ts';
import { MAX_STORY_STEPS } from '../../domain/limits.ts';
import { selectionShown, stepProblems } from '../../domain/stories.ts';
import { storySchema } from '../../validation/record-schemas.ts';
import type { StoryRecord, StoryStepRecord, StoryView } from '../../validation/records.ts';
import { builder } from '../builder.ts';
import { MAX_PAGE, sizeOf } from '../cost.ts';
import { badInput, bounded, userError } from '../errors.ts';
import { requireEditor } from '../plugins/use-authorization.ts';
import { EXPECTED_VERSION, refuseStale } from './curation-checks.ts';
import { EvidenceInput, parseRecord } from './curation-inputs.ts';
import { EvidenceRef, VERSION } from './refs.ts';

/**
 * Stories: ordered steps, each a saved view of the graph with a title, a Markdown caption and
 * its evidence (domain/stories.ts). Anyone reads them; editors save and delete them whole.
 */

const STORIES_DEFAULT = 50;

interface Placed {
  entity: string;
  x: number;
  y: number;
}

const StoryPositionRef = builder.objectRef<Placed>('StoryPosition').implement({
  description: 'Where a step draws an entity, in the canvas model coordinates.',
  fields: (t) => ({
    entity: t.exposeID('entity'),
    x: t.exposeFloat('x'),
    y: t.exposeFloat('y'),
  }),
});

const StoryStepRef = builder.objectRef<StoryStepRecord>('StoryStep').implement({
  description: 'One step of a story: a saved view of the graph, with a title and a caption.',
  fields: (t) => ({
    title: t.exposeString('title'),
    caption: t.exposeString('caption', {
      nullable: true,
      description: 'Markdown; raw HTML in it is text, and the explorer renders it so',
    }),
    asOf: t.expose('asOf', {
      type: 'PartialDate',
      nullable: true,
      description: 'The date the step shows the graph as of; null for every date',
    }),
    entities: t.exposeIDList('entities', { description: 'The entities the step draws' }),
    positions: t.field({
      type: [StoryPositionRef],
      description: 'Where it draws them; those without a position are laid out',
      resolve: (step) =>
        Object.entries(step.positions ?? {}).map(([entity, point]) => ({ entity, ...point })),
    }),
    highlight: t.exposeIDList('highlight', {
      description: 'The relationships it highlights, by id',
    }),
    selected: t.exposeID('selected', {
      nullable: true,
      description: 'The entity or relationship whose details it shows',
    }),
    evidence: t.field({ type: [EvidenceRef], resolve: (step) => step.evidence }),
  }),
});

const StoryRef = builder.objectRef<StoryView>('Story').implement({
  description: 'A story told with the graph: steps to go through in order.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    summary: t.exposeString('summary', { nullable: true }),
    dataset: t.exposeString('dataset', {
      description: 'The dataset it belongs to, and is exported with',
    }),
    version: t.exposeString('version', { description: VERSION }),
    steps: t.field({ type: [StoryStepRef], resolve: (story) => story.steps }),
  }),
});

builder.queryFields((t) => ({
  stories: t.field({
    type: [StoryRef],
    description: 'Stories by title: every one, or those of one dataset.',
    args: {
      dataset: t.arg.string(),
      first: t.arg.int({ defaultValue: STORIES_DEFAULT }),
    },
    complexity: (args) => ({
      field: 2,
      multiplier: sizeOf(args.first, STORIES_DEFAULT, MAX_PAGE),
    }),
    resolve: (_root, args, { db }) =>
      findStories(db, {
        dataset: args.dataset,
        first: bounded('first', args.first ?? STORIES_DEFAULT, 1, MAX_PAGE),
      }),
  }),
  story: t.field({
    type: StoryRef,
    nullable: true,
    description: 'One story by id; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db }) => findStory(db, String(args.id)),
  }),
}));

const StoryPositionInput = builder.inputType('StoryPositionInput', {
  fields: (t) => ({
    entity: t.id({ required: true }),
    x: t.float({ required: true }),
    y: t.float({ required: true }),
  }),
});

const StoryStepInput = builder.inputType('StoryStepInput', {
  description: 'A step as a dataset gives it.',
  fields: (t) => ({
    title: t.string({ required: true }),
    caption: t.string({ description: 'Markdown' }),
    asOf: t.field({ type: 'PartialDate' }),
    entities: t.idList({ required: true }),
    positions: t.field({ type: [StoryPositionInput] }),
    highlight: t.idList(),
    selected: t.id(),
    evidence: t.field({ type: [EvidenceInput] }),
  }),
});

const SaveStoryInput = builder.inputType('SaveStoryInput', {
  description: `A whole story, as a dataset gives it (at most ${MAX_STORY_STEPS} steps); an existing id is replaced.`,
  fields: (t) => ({
    id: t.id({ required: true }),
    title: t.string({ required: true }),
    summary: t.string(),
    steps: t.field({ type: [StoryStepInput], required: true }),
  }),
});

type StepInput = { positions?: readonly Placed[] | null } & Record<string, unknown>;

/** The input as the record schema reads it: positions as a map from entity to point. */
function storyRecord(input: { steps: readonly StepInput[] } & Record<string, unknown>) {
  const steps = input.steps.map(({ positions, ...step }) => ({
    ...step,
    ...(positions
      ? {
          positions: Object.fromEntries(
            positions.map((p) => [String(p.entity), { x: p.x, y: p.y }]),
          ),
        }
      : {}),
  }));
  const record = parseRecord(storySchema, { ...input, steps });
  record.steps.forEach((step, index) => {
    const [problem] = stepProblems(step);
    if (problem) throw badInput(`steps.${index}.${problem.field}: ${problem.message}.`, 'steps');
  });
  return record;
}

/** What the story names must exist, and it must not have changed since it was read. */
function storyChecks(story: StoryRecord, expectedVersion?: string | null): StoryCheck {
  return (found) => {
    refuseStale('story', story.id, expectedVersion, found.version);
    story.steps.forEach((step, index) => {
      const place = `steps.${index}`;
      const entity = step.entities.find((id) => !found.entities.has(id));
      if (entity) throw badInput(`${place}.entities: no entity has the id "${entity}".`, 'steps');
      const rel = step.highlight.find((id) => !found.relationships.has(id));
      if (rel) throw badInput(`${place}.highlight: no relationship has the id "${rel}".`, 'steps');
      if (!selectionShown(step, found.relationships))
        throw badInput(
          `${place}.selected: "${step.selected}" is neither one of the step's entities nor a relationship.`,
          'steps',
        );
      const source = step.evidence.find((item) => !found.sources.has(item.source));
      if (source)
        throw badInput(`${place}.evidence: no source has the id "${source.source}".`, 'steps');
    });
  };
}

builder.mutationFields((t) => ({
  saveStory: t.field({
    type: StoryRef,
    description:
      'Creates a story, or replaces the one with this id whole. Every entity, relationship and source it names must exist. Editors only.',
    args: {
      input: t.arg({ type: SaveStoryInput, required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
    },
    resolve: async (_root, args, context) => {
      requireEditor(context);
      const story = storyRecord(args.input as never);
      await saveStory(context.db, story, storyChecks(story, args.expectedVersion));
      const saved = await findStory(context.db, story.id);
      if (!saved)
        throw userError('CONFLICT', `The story "${story.id}" was deleted as it was saved.`);
      return saved;
    },
  }),
  deleteStory: t.boolean({
    description: 'Deletes a story by id. Editors only.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.string({ description: EXPECTED_VERSION }),
    },
    resolve: async (_root, args, context) => {
      requireEditor(context);
      const id = String(args.id);
      const deleted = await deleteStory(context.db, id, (version) =>
        refuseStale('story', id, args.expectedVersion, version),
      );
      if (!deleted) throw userError('NOT_FOUND', `No story with id "${id}".`, { id, field: 'id' });
      return true;
    },
  }),
}));
