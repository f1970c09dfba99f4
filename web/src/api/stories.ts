// Stories: the list, one story whole, and the editors' writes.
import type { ResultOf, VariablesOf } from 'gql.tada';
import { request } from './client.ts';
import { DELETE_STORY, SAVE_STORY, STORIES, STORY, type STORY_PARTS } from './documents.ts';

export type Story = ResultOf<typeof STORY_PARTS>;
export type StoryStep = Story['steps'][number];
export type StoryListItem = ResultOf<typeof STORIES>['stories'][number];
export type StoryInput = VariablesOf<typeof SAVE_STORY>['input'];
export type StoryStepInput = StoryInput['steps'][number];

/** The query key a story is cached under, so an editor's save can replace it there. */
export const storyKey = (id: string) => ['story', id] as const;

export async function fetchStories(): Promise<StoryListItem[]> {
  return (await request(STORIES, {})).stories;
}

export async function fetchStory(id: string): Promise<Story | null> {
  return (await request(STORY, { id })).story;
}

/** Writes a story whole: with the version it was read at, or "" to create a new one. */
export async function saveStory(input: StoryInput, expectedVersion: string): Promise<Story> {
  return (await request(SAVE_STORY, { input, expectedVersion })).saveStory;
}

export async function deleteStory(id: string, expectedVersion: string): Promise<boolean> {
  return (await request(DELETE_STORY, { id, expectedVersion })).deleteStory;
}

/** A stored step as the input that writes it back. */
export function stepInput(step: StoryStep): StoryStepInput {
  return {
    title: step.title,
    caption: step.caption,
    asOf: step.asOf,
    entities: step.entities,
    positions: step.positions.map(({ entity, x, y }) => ({ entity, x, y })),
    highlight: step.highlight,
    selected: step.selected,
    evidence: step.evidence.map((item) => ({ source: item.source.id, quote: item.quote })),
  };
}
