import type { StoryRecord } from '../validation/records.ts';
import { CURATION_DATASET, ensureCurationDataset } from './curation-repository.ts';
import type { Database } from './database.ts';
import { deleteStoryIn, existingReferences, lockStory, writeStory } from './story-repository.ts';

/** What a story's write finds before writing: the story it replaces and what exists of its ids. */
export interface StoryReferences {
  /** The stored story's version, or null when there is none. */
  version: string | null;
  entities: Set<string>;
  relationships: Set<string>;
  sources: Set<string>;
}

/** Throws to refuse a story's write; runs inside its transaction, before anything is written. */
export type StoryCheck = (found: StoryReferences) => void;

function namedIn(story: StoryRecord) {
  const steps = story.steps;
  return {
    entities: [...new Set(steps.flatMap((step) => step.entities))],
    // A step's selection may be a relationship: looked up with the highlighted ones.
    relationships: [
      ...new Set(
        steps.flatMap((step) => [...step.highlight, ...(step.selected ? [step.selected] : [])]),
      ),
    ],
    sources: [...new Set(steps.flatMap((step) => step.evidence.map((item) => item.source)))],
  };
}

/**
 * An editor's write of a whole story in one transaction: the story is locked, what it names is
 * looked up, `check` may refuse, and the story is written. A new story belongs to the curation
 * dataset; a replaced one keeps its dataset. Returns the version written.
 */
export function saveStory(db: Database, story: StoryRecord, check: StoryCheck): Promise<string> {
  return db.transaction(async (tx) => {
    const stored = await lockStory(tx, story.id);
    const refs = await existingReferences(tx, namedIn(story));
    check({ version: stored?.version ?? null, ...refs });
    if (!stored) await ensureCurationDataset(tx);
    return writeStory(tx, story, stored?.dataset ?? CURATION_DATASET);
  });
}

/** Deletes a story after `check` has seen its version; false when there was none. */
export function deleteStory(
  db: Database,
  id: string,
  check: (version: string | null) => void,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const stored = await lockStory(tx, id);
    check(stored?.version ?? null);
    if (!stored) return false;
    await deleteStoryIn(tx, id);
    return true;
  });
}
