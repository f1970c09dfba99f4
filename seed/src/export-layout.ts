// How `npm run export` lays the stored graph out as YAML datasets (docs/DATASET-FORMAT.md,
// "Export"): which dataset each record goes in, the order the datasets load in, and the
// records' keys in the format's own order, so that the same graph always gives the same bytes.
import { stringify } from 'yaml';
import { CURATION_DATASET } from '../../server/src/db/curation-repository.ts';
import { comparePartialDates } from '../../server/src/domain/partial-date.ts';
import { KNOWN_KEYS } from '../../server/src/validation/record-schemas.ts';
import type {
  DatasetRecord,
  EntityRecord,
  EntityView,
  PhaseAdditionRecord,
  RelationshipRecord,
  RelationshipView,
  SourceRecord,
  SourceView,
  StoryRecord,
  StoryView,
} from '../../server/src/validation/records.ts';
import { placeStories, storyNames } from './export-stories.ts';

/** One dataset of an export, with what it holds. */
export interface ExportedDataset {
  dataset: DatasetRecord;
  entities: EntityRecord[];
  sources: SourceRecord[];
  relationships: RelationshipRecord[];
  phases: PhaseAdditionRecord[];
  /** Its stories, written to their own file (export-stories.ts); absent, it has none. */
  stories?: StoryRecord[];
}

/** The stored graph, as the export repository reads it. */
export interface StoredGraph {
  datasets: readonly DatasetRecord[];
  entities: readonly EntityView[];
  sources: readonly SourceView[];
  relationships: readonly RelationshipView[];
  /** Stories, with the dataset each belongs to; absent, none are exported. */
  stories?: readonly StoryView[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Each record in the datasets it is stored for: an entity in every one its `datasets` lists
 * (stated alike, which the seeder accepts and stores once), a source and a relationship in
 * theirs, a phase another dataset added in that dataset's `phases:`, a story in its own. A record
 * stored for no dataset goes to curation's, as the API would have credited it.
 */
export function layOut(graph: StoredGraph): ExportedDataset[] {
  const datasets = new Map<string, ExportedDataset>();
  const of = (id: string | undefined) => {
    const key = id ?? CURATION_DATASET;
    let found = datasets.get(key);
    if (!found) {
      found = {
        dataset: { id: key, title: key, requires: [] },
        entities: [],
        sources: [],
        relationships: [],
        phases: [],
      };
      datasets.set(key, found);
    }
    return found;
  };
  for (const dataset of graph.datasets) of(dataset.id).dataset = dataset;
  for (const { datasets: ids, degree: _d, version: _v, ...entity } of graph.entities) {
    for (const id of ids.length > 0 ? ids : [undefined]) of(id).entities.push(entity);
  }
  for (const { dataset, version: _v, ...source } of graph.sources) of(dataset).sources.push(source);
  for (const { dataset, version: _v, asOf: _a, history, ...rel } of graph.relationships) {
    const owner = dataset ?? CURATION_DATASET;
    const own = history.filter((phase) => (phase.dataset ?? owner) === owner);
    of(owner).relationships.push({
      ...rel,
      history: own.map(({ dataset: _p, ...phase }) => phase),
    });
    for (const { dataset: adder, ...phase } of history) {
      if ((adder ?? owner) === owner) continue;
      const target = of(adder);
      target.phases.push({ relationship: rel.id, ...phase });
      // Adding phases to a dataset's relationships takes requiring it (the seeder checks).
      if (!target.dataset.requires.includes(owner)) {
        target.dataset = { ...target.dataset, requires: [...target.dataset.requires, owner] };
      }
    }
  }
  placeStories(graph, of);
  for (const dataset of datasets.values()) {
    dataset.entities.sort(byId);
    dataset.sources.sort(byId);
    dataset.relationships.sort(byId);
    dataset.phases.sort(
      (a, b) =>
        byId({ id: a.relationship }, { id: b.relationship }) ||
        comparePartialDates(a.since, b.since),
    );
  }
  return loadOrder([...datasets.values()], graph.entities);
}

/**
 * The order the datasets load in: the seeder lists an entity's datasets in load order, so each
 * entity's `datasets` (and each `requires`) is a constraint "this one before that one". Ties go
 * by id; where constraints contradict each other (two merges that listed datasets in opposite
 * orders), the smallest id left goes next and the entities it contradicts list theirs in load
 * order.
 */
export function loadOrder(
  datasets: readonly ExportedDataset[],
  entities: readonly { datasets: readonly string[] }[],
): ExportedDataset[] {
  const after = new Map<string, Set<string>>(datasets.map((d) => [d.dataset.id, new Set()]));
  const before = (first: string, then: string) => {
    if (first !== then && after.has(first) && after.has(then)) after.get(then)?.add(first);
  };
  for (const { dataset } of datasets) for (const id of dataset.requires) before(id, dataset.id);
  for (const entity of entities) {
    for (let i = 1; i < entity.datasets.length; i += 1) {
      before(entity.datasets[i - 1] as string, entity.datasets[i] as string);
    }
  }
  const left = [...datasets].sort((a, b) => byId(a.dataset, b.dataset));
  const ordered: ExportedDataset[] = [];
  while (left.length > 0) {
    const placed = new Set(ordered.map((d) => d.dataset.id));
    const ready = left.findIndex((d) =>
      [...(after.get(d.dataset.id) ?? [])].every((id) => placed.has(id)),
    );
    ordered.push(...left.splice(Math.max(ready, 0), 1));
  }
  return ordered;
}

/** A record's keys in the format's order; absent values and empty lists left out. */
function pick(record: object, keys: readonly string[], keep: readonly string[] = []): object {
  const values = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0 && !keep.includes(key)) continue;
    out[key] = value;
  }
  return out;
}

const evidence = (items: readonly object[]) => items.map((item) => pick(item, KNOWN_KEYS.evidence));

function phase(record: { evidence: readonly object[] }, keys: readonly string[]): object {
  return pick({ ...record, evidence: evidence(record.evidence) }, keys);
}

/** A source as the format writes it: keys in the format's order, absent values left out. */
export const sourceYaml = (source: SourceRecord): object => pick(source, KNOWN_KEYS.sources);

export function entityYaml(entity: EntityRecord): object {
  return pick(
    {
      ...entity,
      evidence: evidence(entity.evidence),
      identifiers: entity.identifiers?.map((item) => pick(item, KNOWN_KEYS.identifiers)),
    },
    KNOWN_KEYS.entities,
  );
}

export function relationshipYaml(rel: RelationshipRecord): object {
  return pick(
    {
      ...rel,
      evidence: evidence(rel.evidence),
      history: rel.history.map((item) => phase(item, KNOWN_KEYS.history)),
    },
    KNOWN_KEYS.relationships,
  );
}

/** The dataset as one YAML document, keys and records in a fixed order. */
export function toYaml(exported: ExportedDataset): string {
  const document = {
    dataset: pick(exported.dataset, KNOWN_KEYS.dataset, ['requires']),
    sources: exported.sources.map(sourceYaml),
    entities: exported.entities.map(entityYaml),
    relationships: exported.relationships.map(relationshipYaml),
    phases: exported.phases.map((item) => phase(item, KNOWN_KEYS.phases)),
  };
  return stringify(pick(document, Object.keys(document)), { lineWidth: 0 });
}

/** Folder names that sort in load order: `01-kaspersky-eu-2018`, `02-cyber-cooperation`. */
export function folderNames(datasets: readonly ExportedDataset[]): string[] {
  const width = Math.max(2, String(datasets.length).length);
  return datasets.map((d, i) => `${String(i + 1).padStart(width, '0')}-${d.dataset.id}`);
}

/**
 * One dataset of the layout, to be exported on its own: `curation` holds what curators created
 * (entities it lists first), not the seeded entities they edited, which stay with the dataset
 * they came from. Its `requires` gains every dataset whose entities or sources it refers to, in
 * load order, so that the seeder, given it, loads those too (a curated one from seed/datasets).
 */
export function oneDataset(
  ordered: readonly ExportedDataset[],
  id: string,
  entities: readonly { id: string; datasets: readonly string[] }[],
): ExportedDataset | undefined {
  const found = ordered.find((d) => d.dataset.id === id);
  if (!found) return undefined;
  const listed = new Map(entities.map((e) => [e.id, e.datasets]));
  const own =
    id === CURATION_DATASET
      ? found.entities.filter((e) => listed.get(e.id)?.[0] === CURATION_DATASET)
      : found.entities;
  const entityIds = new Set(own.map((e) => e.id));
  const sourceIds = new Set(found.sources.map((s) => s.id));
  const sourceOwner = new Map(
    ordered.flatMap((d) => d.sources.map((s) => [s.id, d.dataset.id] as const)),
  );
  const needed = new Set<string>(found.dataset.requires);
  const entity = (ref: string | undefined) => {
    if (!ref || entityIds.has(ref)) return;
    const owner = listed.get(ref)?.find((d) => d !== id);
    if (owner) needed.add(owner);
  };
  const source = (ref: string) => {
    const owner = sourceOwner.get(ref);
    if (!sourceIds.has(ref) && owner && owner !== id) needed.add(owner);
  };
  const cited = (items: readonly { source: string }[]) => {
    for (const item of items) source(item.source);
  };
  for (const e of own) cited(e.evidence);
  for (const s of found.sources) {
    entity(s.publisher);
    entity(s.author);
  }
  for (const r of found.relationships) {
    entity(r.from);
    entity(r.to);
    cited(r.evidence);
    for (const p of r.history) cited(p.evidence);
  }
  for (const p of found.phases) cited(p.evidence);
  const ownTies = new Set(found.relationships.map((r) => r.id));
  const tieOwner = new Map(
    ordered.flatMap((d) => d.relationships.map((r) => [r.id, d.dataset.id] as const)),
  );
  for (const story of found.stories ?? []) {
    const names = storyNames(story);
    for (const ref of names.entities) entity(ref);
    for (const ref of names.sources) source(ref);
    for (const ref of names.relationships) {
      const owner = tieOwner.get(ref);
      if (!ownTies.has(ref) && owner && owner !== id) needed.add(owner);
    }
  }
  const order = ordered.map((d) => d.dataset.id);
  const requires = [...needed].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { ...found, dataset: { ...found.dataset, requires }, entities: own };
}
