// How `npm run export` lays out the stored stories: each in its dataset's folder as
// `stories.yaml`, its keys in the format's order, and the dataset requiring those whose records
// its steps name (the seeder checks that a story names only what its dataset may refer to).
import { stringify } from 'yaml';
import { CURATION_DATASET } from '../../server/src/db/curation-repository.ts';
import { KNOWN_KEYS } from '../../server/src/validation/record-schemas.ts';
import type { StoryRecord } from '../../server/src/validation/records.ts';
import type { ExportedDataset, StoredGraph } from './export-layout.ts';

/** The file a dataset folder of an export holds its stories in, when it has any. */
export const STORIES_FILE = 'stories.yaml';

/** The ids a story's steps name, of each kind of record. */
export function storyNames(story: StoryRecord) {
  return {
    entities: story.steps.flatMap((step) => step.entities),
    // A selection that is no entity of the step is a relationship.
    relationships: story.steps.flatMap((step) => [
      ...step.highlight,
      ...(step.selected && !step.entities.includes(step.selected) ? [step.selected] : []),
    ]),
    sources: story.steps.flatMap((step) => step.evidence.map((item) => item.source)),
  };
}

/**
 * A story as far as the graph still holds what it names: a story keeps its steps when an entity
 * it shows is deleted (the explorer shows what is left), but the seeder refuses a story that
 * names what its load lacks, so the export leaves those ids out, and a step left with no entity.
 */
function present(story: StoryRecord, graph: StoredGraph): StoryRecord | undefined {
  const entities = new Set(graph.entities.map((e) => e.id));
  const ties = new Set(graph.relationships.map((r) => r.id));
  const sources = new Set(graph.sources.map((s) => s.id));
  const steps = story.steps.flatMap((step) => {
    const drawn = step.entities.filter((id) => entities.has(id));
    if (drawn.length === 0) return [];
    const positions = step.positions
      ? Object.fromEntries(Object.entries(step.positions).filter(([id]) => entities.has(id)))
      : undefined;
    const selected =
      step.selected && (drawn.includes(step.selected) || ties.has(step.selected))
        ? step.selected
        : undefined;
    const { selected: _s, positions: _p, ...rest } = step;
    return [
      {
        ...rest,
        entities: drawn,
        ...(positions ? { positions } : {}),
        highlight: step.highlight.filter((id) => ties.has(id)),
        ...(selected ? { selected } : {}),
        evidence: step.evidence.filter((item) => sources.has(item.source)),
      },
    ];
  });
  return steps.length > 0 ? { ...story, steps } : undefined;
}

/**
 * Puts each stored story in its dataset (`curation`'s when it has none), by id, and makes that
 * dataset require the ones that hold what the story names and it does not hold itself.
 */
export function placeStories(
  graph: StoredGraph,
  of: (id: string | undefined) => ExportedDataset,
): void {
  const entityOwner = new Map(graph.entities.map((e) => [e.id, e.datasets] as const));
  const sourceOwner = new Map(graph.sources.map((s) => [s.id, s.dataset] as const));
  const tieOwner = new Map(graph.relationships.map((r) => [r.id, r.dataset] as const));
  const placed = new Set<ExportedDataset>();
  for (const { dataset, version: _v, ...stored } of graph.stories ?? []) {
    const story = present(stored, graph);
    if (!story) continue;
    const target = of(dataset);
    const id = target.dataset.id;
    target.stories = [...(target.stories ?? []), story];
    placed.add(target);
    const names = storyNames(story);
    const owners = [
      ...names.entities.map((ref) => {
        const listed = entityOwner.get(ref) ?? [];
        return listed.length === 0 || listed.includes(id) ? id : listed[0];
      }),
      ...names.relationships.map((ref) => tieOwner.get(ref) ?? CURATION_DATASET),
      ...names.sources.map((ref) => sourceOwner.get(ref) ?? CURATION_DATASET),
    ];
    for (const owner of new Set(owners)) {
      if (owner && owner !== id && !target.dataset.requires.includes(owner))
        target.dataset = { ...target.dataset, requires: [...target.dataset.requires, owner] };
    }
  }
  for (const dataset of placed) {
    dataset.stories?.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** A record's keys in the format's order; absent values and empty lists left out. */
function pick(record: object, keys: readonly string[]): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

export function storyYaml(story: StoryRecord): object {
  return pick(
    {
      ...story,
      steps: story.steps.map((step) =>
        pick(
          { ...step, evidence: step.evidence.map((item) => pick(item, KNOWN_KEYS.evidence)) },
          KNOWN_KEYS.steps,
        ),
      ),
    },
    KNOWN_KEYS.stories,
  );
}

/** A dataset's stories as one YAML document, or undefined when it has none. */
export function storiesToYaml(exported: ExportedDataset): string | undefined {
  const stories = exported.stories ?? [];
  if (stories.length === 0) return undefined;
  return stringify({ stories: stories.map(storyYaml) }, { lineWidth: 0 });
}
