import { stableHash } from '../domain/relationship-id.ts';
import { canonicalJson } from '../domain/revisions.ts';
import type {
  EvidenceRecord,
  StoryRecord,
  StoryStepRecord,
  StoryView,
} from '../validation/records.ts';
import type { Database, Transaction } from './database.ts';
import { relationshipByIdUnion } from './projections.ts';

/**
 * Stories in Neo4j: a `Story` node holds the title, summary, dataset and version (a hash of the
 * record), and one `StoryStep` node per step, linked by HAS_STEP and ordered by `index`. A step's
 * lists are list properties; its positions and evidence, which are maps, are stored as JSON.
 * Entities and relationships are named by id rather than linked, so a story keeps its steps
 * when an entity it shows is deleted; the explorer shows what is left.
 */

/** The version of a story: a hash of its record, so equal stories have equal versions. */
export function storyVersion(story: StoryRecord): string {
  return stableHash(canonicalJson(story));
}

interface StepRow {
  index: number;
  title: string;
  caption: string | null;
  asOf: string | null;
  entities: string[];
  positions: string | null;
  highlight: string[];
  selected: string | null;
  evidence: string | null;
}

interface StoryRow {
  id: string;
  title: string;
  summary: string | null;
  dataset: string;
  version: string;
  steps: StepRow[];
}

function stepProps(step: StoryStepRecord, index: number) {
  return {
    index,
    title: step.title,
    caption: step.caption ?? null,
    asOf: step.asOf ?? null,
    entities: step.entities,
    positions: step.positions ? JSON.stringify(step.positions) : null,
    highlight: step.highlight,
    selected: step.selected ?? null,
    evidence: step.evidence.length > 0 ? JSON.stringify(step.evidence) : null,
  };
}

function toStep(row: StepRow): StoryStepRecord {
  return {
    title: row.title,
    ...(row.caption ? { caption: row.caption } : {}),
    ...(row.asOf ? { asOf: row.asOf } : {}),
    entities: row.entities,
    ...(row.positions ? { positions: JSON.parse(row.positions) } : {}),
    highlight: row.highlight,
    ...(row.selected ? { selected: row.selected } : {}),
    evidence: row.evidence ? (JSON.parse(row.evidence) as EvidenceRecord[]) : [],
  };
}

function toStory(row: StoryRow): StoryView {
  return {
    id: row.id,
    title: row.title,
    ...(row.summary ? { summary: row.summary } : {}),
    steps: [...row.steps].sort((a, b) => a.index - b.index).map(toStep),
    dataset: row.dataset,
    version: row.version,
  };
}

const STORY_MAP = `s { .id, .title, .summary, .dataset, .version,
  steps: COLLECT { MATCH (s)-[:HAS_STEP]->(t:StoryStep) RETURN t {
    .index, .title, .caption, .asOf, .entities, .positions, .highlight, .selected, .evidence
  } } }`;

const FIND_STORIES = `
MATCH (s:Story)
WHERE $dataset IS NULL OR s.dataset = $dataset
WITH s ORDER BY s.title, s.id LIMIT $first
RETURN ${STORY_MAP} AS story`;

const FIND_STORY = `MATCH (s:Story {id: $id}) RETURN ${STORY_MAP} AS story`;

/** Stories by title, of one dataset or all. */
export async function findStories(
  db: Database,
  options: { dataset?: string | null; first: number },
): Promise<StoryView[]> {
  const rows = await db.read<{ story: StoryRow }>(FIND_STORIES, {
    dataset: options.dataset ?? null,
    first: options.first,
  });
  return rows.map((row) => toStory(row.story));
}

export async function findStory(db: Database, id: string): Promise<StoryView | null> {
  const [row] = await db.read<{ story: StoryRow }>(FIND_STORY, { id });
  return row ? toStory(row.story) : null;
}

const WRITE_STORY = `
MERGE (s:Story {id: $story.id})
SET s.title = $story.title, s.summary = $story.summary, s.dataset = $dataset,
    s.version = $version, s.stepCount = size($steps)
REMOVE s._lock
WITH s
CALL (s) {
  MATCH (s)-[:HAS_STEP]->(old:StoryStep)
  DETACH DELETE old
}
WITH s
UNWIND $steps AS step
CREATE (s)-[:HAS_STEP]->(t:StoryStep)
SET t = step`;

/** Writes a story whole, replacing the one with its id; returns the version written. */
export async function writeStory(
  tx: Transaction,
  story: StoryRecord,
  dataset: string,
): Promise<string> {
  const version = storyVersion(story);
  await tx.run(WRITE_STORY, {
    story: { id: story.id, title: story.title, summary: story.summary ?? null },
    steps: story.steps.map(stepProps),
    dataset,
    version,
  });
  return version;
}

const STORY_VERSIONS = `
MATCH (s:Story) WHERE s.id IN $ids
RETURN s.id AS id, s.version AS version, s.dataset AS dataset`;

/** What the database holds of these stories: version and dataset by id. */
export async function storedStories(
  tx: Transaction,
  ids: readonly string[],
): Promise<Map<string, { version: string; dataset: string }>> {
  const rows = await tx.run<{ id: string; version: string; dataset: string }>(STORY_VERSIONS, {
    ids,
  });
  return new Map(rows.map((row) => [row.id, { version: row.version, dataset: row.dataset }]));
}

const LOCK_STORY = `MATCH (s:Story {id: $id}) SET s._lock = true RETURN s.version AS version, s.dataset AS dataset`;

/**
 * Takes the write lock on a story and reads its version and dataset (null when there is none),
 * so a concurrent write of the same story waits for this transaction and reads what it wrote.
 */
export async function lockStory(
  tx: Transaction,
  id: string,
): Promise<{ version: string; dataset: string } | null> {
  const [row] = await tx.run<{ version: string; dataset: string }>(LOCK_STORY, { id });
  return row ?? null;
}

const DELETE_STORY = `
MATCH (s:Story {id: $id})
OPTIONAL MATCH (s)-[:HAS_STEP]->(t:StoryStep)
DETACH DELETE t, s`;

export async function deleteStoryIn(tx: Transaction, id: string): Promise<void> {
  await tx.run(DELETE_STORY, { id });
}

const PRUNE_STORIES = `
MATCH (s:Story {dataset: $dataset}) WHERE NOT s.id IN $keep
OPTIONAL MATCH (s)-[:HAS_STEP]->(t:StoryStep)
WITH s, collect(t) AS steps
FOREACH (t IN steps | DETACH DELETE t)
DETACH DELETE s
RETURN count(*) AS removed`;

/** Removes a dataset's stories that are not in `keep`: those a whole dataset no longer holds. */
export async function pruneStories(
  tx: Transaction,
  dataset: string,
  keep: readonly string[],
): Promise<number> {
  const [row] = await tx.run<{ removed: number }>(PRUNE_STORIES, { dataset, keep });
  return row?.removed ?? 0;
}

const EXISTING_REFERENCES = `
CALL () {
  UNWIND $entities AS id
  MATCH (e:Entity {id: id})
  RETURN collect(e.id) AS entities
}
CALL () {
  UNWIND $relationships AS id
  CALL (id) { ${relationshipByIdUnion('id')} }
  RETURN collect(r.id) AS relationships
}
CALL () {
  UNWIND $sources AS id
  MATCH (s:Source {id: id})
  RETURN collect(s.id) AS sources
}
RETURN entities, relationships, sources`;

/** Which of the named entities, relationships and sources the database holds. */
export async function existingReferences(
  tx: Transaction,
  names: { entities: string[]; relationships: string[]; sources: string[] },
): Promise<{ entities: Set<string>; relationships: Set<string>; sources: Set<string> }> {
  const [row] = await tx.run<{ entities: string[]; relationships: string[]; sources: string[] }>(
    EXISTING_REFERENCES,
    names,
  );
  return {
    entities: new Set(row?.entities ?? []),
    relationships: new Set(row?.relationships ?? []),
    sources: new Set(row?.sources ?? []),
  };
}
