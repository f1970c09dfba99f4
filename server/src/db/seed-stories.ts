import type { DatasetContent, StoryView } from '../validation/records.ts';
import type { Database, Transaction } from './database.ts';
import {
  findStories,
  pruneStories,
  storedStories,
  storyVersion,
  writeStory,
} from './story-repository.ts';

/** What a load did to a dataset's stories. */
export interface StoryCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Stories a dataset given whole held before and no longer holds. */
  removed: number;
}

/**
 * Writes the datasets' stories inside the seeder's transaction, after their records: a story
 * whose stored version (a hash of the record) and dataset are the same is left alone, so loading
 * the same files again changes nothing. A dataset given whole (`whole`) loses the stories it no
 * longer holds. Counts only for datasets that have or had stories.
 */
export async function writeDatasetStories(
  tx: Transaction,
  contents: readonly DatasetContent[],
  whole: ReadonlySet<string>,
): Promise<Map<string, StoryCounts>> {
  const counts = new Map<string, StoryCounts>();
  const stories = contents.flatMap((content) =>
    (content.stories ?? []).map((story) => ({ story, dataset: content.dataset.id })),
  );
  const stored =
    stories.length > 0
      ? await storedStories(
          tx,
          stories.map(({ story }) => story.id),
        )
      : new Map();
  const countsOf = (dataset: string) => {
    let found = counts.get(dataset);
    if (!found) {
      found = { created: 0, updated: 0, unchanged: 0, removed: 0 };
      counts.set(dataset, found);
    }
    return found;
  };
  for (const { story, dataset } of stories) {
    const old = stored.get(story.id);
    const same = old?.version === storyVersion(story) && old?.dataset === dataset;
    countsOf(dataset)[!old ? 'created' : same ? 'unchanged' : 'updated'] += 1;
    if (!same) await writeStory(tx, story, dataset);
  }
  for (const content of contents) {
    const id = content.dataset.id;
    if (!whole.has(id)) continue;
    const keep = (content.stories ?? []).map((story) => story.id);
    const removed = await pruneStories(tx, id, keep);
    if (removed > 0) countsOf(id).removed = removed;
  }
  return counts;
}

const STORY_OWNERS = 'MATCH (s:Story) WHERE s.id IN $ids RETURN s.id AS id, s.dataset AS dataset';

/** The dataset each of these stories is stored for, by id (those the database holds). */
export async function findStoryOwners(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string; dataset: string }>(STORY_OWNERS, { ids });
  return new Map(rows.map((row) => [row.id, row.dataset]));
}

const STORY_COUNT = 'MATCH (s:Story) RETURN count(s) AS stories';

/** Every stored story, for the export: read whole, as stories are few and small. */
export async function readAllStories(db: Database): Promise<StoryView[]> {
  const [row] = await db.read<{ stories: number }>(STORY_COUNT, {});
  const total = row?.stories ?? 0;
  return total === 0 ? [] : findStories(db, { first: total });
}
