// A dataset's records as the seeder writes them (stored properties and content hash), and the
// fingerprint of a whole dataset made from them.

import { stableHash } from '../domain/relationship-id.ts';
import type {
  DatasetContent,
  EntityRecord,
  RelationshipRecord,
  SourceRecord,
} from '../validation/records.ts';
import {
  historyProps,
  type Props,
  storedDataset,
  storedEntity,
  storedRelationship,
  storedSource,
} from './stored-records.ts';
import { storyVersion } from './story-repository.ts';

export interface Row {
  id: string;
  dataset: string;
  hash: string;
  props: Props;
  from?: string;
  to?: string;
}

/** An entity stated by several datasets is one row, credited (in `dataset`) to the first. */
function entityRow(entity: EntityRecord, datasets: readonly [string, ...string[]]): Row {
  const props = storedEntity(entity, datasets);
  return { id: entity.id, dataset: datasets[0], hash: props.hash as string, props };
}

function sourceRow(source: SourceRecord, dataset: string): Row {
  const props = storedSource(source, dataset);
  return { id: source.id, dataset, hash: props.hash as string, props };
}

function relationshipRow(rel: RelationshipRecord, dataset: string): Row {
  const props = storedRelationship(rel, dataset);
  return { id: rel.id, dataset, hash: props.hash as string, props, from: rel.from, to: rel.to };
}

export interface DatasetRows {
  id: string;
  header: Props;
  entities: { kind: EntityRecord['kind']; row: Row }[];
  sources: { row: Row }[];
  relationships: { type: RelationshipRecord['type']; row: Row }[];
  /** Hashes of the phases the dataset adds to other datasets' relationships, sorted. */
  phases: string[];
  /** Each story's id and version, sorted. */
  stories: string[];
}

export function datasetRows(content: DatasetContent): DatasetRows {
  const id = content.dataset.id;
  return {
    id,
    header: storedDataset({ ...content.dataset }),
    entities: content.entities.map((e) => ({ kind: e.kind, row: entityRow(e, [id]) })),
    sources: content.sources.map((s) => ({ row: sourceRow(s, id) })),
    relationships: content.relationships.map((r) => ({
      type: r.type,
      row: relationshipRow(r, id),
    })),
    phases: content.phases
      .map(
        ({ relationship, ...phase }) =>
          `${relationship} ${stableHash(JSON.stringify(historyProps([phase]).history))}`,
      )
      .sort(),
    stories: (content.stories ?? []).map((story) => `${story.id} ${storyVersion(story)}`).sort(),
  };
}

/**
 * The entity rows of datasets written together: an entity that several of them state alike (as
 * validation allows) is one row listing those datasets in the order they were given.
 */
export function sharedEntityRows(
  contents: readonly DatasetContent[],
): { kind: EntityRecord['kind']; row: Row }[] {
  const stated = new Map<string, { entity: EntityRecord; datasets: [string, ...string[]] }>();
  for (const content of contents) {
    for (const entity of content.entities) {
      const found = stated.get(entity.id);
      if (!found) stated.set(entity.id, { entity, datasets: [content.dataset.id] });
      else if (!found.datasets.includes(content.dataset.id))
        found.datasets.push(content.dataset.id);
    }
  }
  return [...stated.values()].map(({ entity, datasets }) => ({
    kind: entity.kind,
    row: entityRow(entity, datasets),
  }));
}

export function fingerprintOf(rows: DatasetRows): string {
  const hashes = (items: { row: Row }[]) =>
    items.map(({ row }) => `${row.id} ${row.hash} ${row.from ?? ''} ${row.to ?? ''}`).sort();
  const parts = [
    rows.header.hash,
    hashes(rows.entities),
    hashes(rows.sources),
    hashes(rows.relationships),
  ];
  // Datasets that add no phases keep the fingerprint they had before phases existed.
  if (rows.phases.length > 0) parts.push(rows.phases);
  // Likewise datasets without stories; the label keeps stories apart from phases.
  if (rows.stories.length > 0) parts.push(['stories', ...rows.stories]);
  return stableHash(JSON.stringify(parts));
}

/**
 * What a whole dataset holds, as one hash of its records as they are stored: the same files
 * give the same fingerprint, and any change to a record, or a record added or removed, gives
 * another. Written on the dataset's node (`contentHash`) when the dataset is loaded whole.
 */
export function datasetFingerprint(content: DatasetContent): string {
  return fingerprintOf(datasetRows(content));
}
