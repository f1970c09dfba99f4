import { timeSpanOf } from '../domain/status-history.ts';
import type { DatasetContent } from '../validation/records.ts';
import type { Database, Transaction } from './database.ts';
import { datasetRows, fingerprintOf, type Row, sharedEntityRows } from './dataset-rows.ts';
import {
  CREATE_SOURCES,
  createEntities,
  createRelationships,
  EMPTY_DATABASE,
  LOOKUP_ENTITIES,
  LOOKUP_SOURCES,
  lookupRelationships,
  PRUNE_RELATIONSHIPS,
  replaceRelationships,
  UPDATE_SOURCES,
  updateEntities,
  WRITE_DATASETS,
} from './seed-cypher.ts';
import {
  emptyPhaseCounts,
  type PhaseCounts,
  phaseTargets,
  readPhaseTargets,
  writePhaseAdditions,
} from './seed-phases.ts';
import { type StoryCounts, writeDatasetStories } from './seed-stories.ts';
import { keepAddedPhases } from './stored-records.ts';

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface RelationshipCounts extends WriteCounts {
  /** Relationships the dataset held before and no longer holds (see WriteOptions.prune). */
  removed: number;
}

export interface DatasetWriteReport {
  dataset: string;
  entities: WriteCounts;
  relationships: RelationshipCounts;
  sources: WriteCounts;
  /** Phases the dataset adds to relationships of the datasets it requires. */
  phases: PhaseCounts;
  /** Its stories; absent when the dataset has none and removed none. */
  stories?: StoryCounts;
}

export interface WriteProgress {
  phase: 'reset' | 'datasets' | 'entities' | 'sources' | 'relationships';
  done: number;
  total: number;
}

export interface WriteOptions {
  /** Empty the database first, inside the same transaction. */
  reset?: boolean;
  /** Roll back at the end: report what would change, change nothing. */
  dryRun?: boolean;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /**
   * The caller vouches that none of these records is stored yet (it emptied the database, or
   * writes disjoint slices into one it emptied): each is created without being looked up
   * first. A write into an empty database, or one with `reset`, takes this path by itself.
   */
  fresh?: boolean;
  /**
   * Datasets given whole: any relationship stored for one of them that this write does not hold
   * is deleted (its record was removed, or its `since` or `role` changed and with it its derived
   * id). Entities and sources stay, as other datasets and curators may refer to them.
   */
  prune?: readonly string[];
  /**
   * Records curators changed through the API that the files state otherwise (see
   * seed/src/api-edits.ts): neither written nor pruned. The datasets named keep the `loadedAt`
   * they had, so that those edits are found again at their next load.
   */
  keep?: KeptRecords;
  onProgress?: (progress: WriteProgress) => void | Promise<void>;
}

/** Records a write leaves as they are stored, by `entities:<id>`, `sources:<id>`, `relationships:<id>`. */
export interface KeptRecords {
  datasets: readonly string[];
  records: ReadonlySet<string>;
}

const wrote = (report: DatasetWriteReport) =>
  [report.entities, report.sources, report.relationships, report.phases, report.stories].some(
    (counts?: WriteCounts & { removed?: number }) =>
      counts !== undefined && counts.created + counts.updated + (counts.removed ?? 0) > 0,
  );

/**
 * When a dataset given whole is stamped as loaded (`loadedAt`): when this write changed a
 * record of it, so that loading the same files again changes nothing, not even the stamp.
 */
const STAMP_LOADED = `
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
SET d.loadedAt = $at`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Writes datasets in one transaction: either all of it lands or none of it does. Every
 * statement is a batched `UNWIND`; a record whose content hash is unchanged is not touched,
 * so a second run reports everything unchanged.
 */
export async function writeDatasets(
  db: Database,
  contents: readonly DatasetContent[],
  options: WriteOptions = {},
): Promise<DatasetWriteReport[]> {
  const batchSize = options.batchSize ?? 5000;
  const reports = new Map<string, DatasetWriteReport>(
    contents.map((content) => [
      content.dataset.id,
      {
        dataset: content.dataset.id,
        entities: { created: 0, updated: 0, unchanged: 0 },
        relationships: { created: 0, updated: 0, unchanged: 0, removed: 0 },
        sources: { created: 0, updated: 0, unchanged: 0 },
        phases: emptyPhaseCounts(),
      },
    ]),
  );
  const rows = contents.map(datasetRows);
  const entities = sharedEntityRows(contents);
  const sources = rows.flatMap((r) => r.sources);
  const relationships = rows.flatMap((r) => r.relationships);
  // A dataset given whole carries the fingerprint of what it holds (see datasetFingerprint).
  const datasets = rows.map((r, i) => ({
    id: r.id,
    props: {
      ...r.header,
      ...(options.prune?.includes(r.id) ? { contentHash: fingerprintOf(r) } : {}),
      phaseTargets: phaseTargets(contents[i] as DatasetContent),
    },
    whole: options.prune?.includes(r.id) ?? false,
    span: timeSpanOf(contents[i] as DatasetContent),
  }));

  const count = (
    part: 'entities' | 'sources' | 'relationships',
    dataset: string,
    outcome: keyof WriteCounts,
  ) => {
    const report = reports.get(dataset);
    if (report) report[part][outcome] += 1;
  };

  /**
   * Looks up what exists of a batch, then creates what is new and rewrites what changed;
   * unchanged records (same content hash, same ends) are left alone. Into an empty database
   * only records already written by this call (an entity two datasets define) are looked up.
   */
  let fresh = false;
  const kept = options.keep?.records ?? new Set<string>();
  const written = new Set<string>();
  const writeBatch = async (
    tx: Transaction,
    part: 'entities' | 'sources' | 'relationships',
    given: Row[],
    cypher: { lookup: string; create: string; update: string },
  ) => {
    const key = (item: Row) => `${part}:${item.id}`;
    const batch = kept.size > 0 ? given.filter((item) => !kept.has(key(item))) : given;
    const ids = (fresh ? batch.filter((item) => written.has(key(item))) : batch).map(
      (item) => item.id,
    );
    if (fresh) for (const item of batch) written.add(key(item));
    const existing = new Map(
      (ids.length === 0
        ? []
        : await tx.run<{ id: string; hash: string; from?: string; to?: string; history?: unknown }>(
            cypher.lookup,
            { ids },
          )
      ).map((found) => [found.id, found]),
    );
    const created: Row[] = [];
    const updated: Row[] = [];
    for (const item of batch) {
      const old = existing.get(item.id);
      const same = old && old.hash === item.hash && old.from === item.from && old.to === item.to;
      const outcome = !old ? 'created' : same ? 'unchanged' : 'updated';
      count(part, item.dataset, outcome);
      if (outcome === 'created') created.push(item);
      // A relationship rewritten by its own dataset keeps the phases other datasets added.
      else if (outcome === 'updated')
        updated.push(
          part === 'relationships'
            ? { ...item, props: keepAddedPhases(item.props, old?.history) }
            : item,
        );
    }
    if (created.length > 0) await tx.run(cypher.create, { rows: created });
    if (updated.length > 0) await tx.run(cypher.update, { rows: updated });
  };

  /** Writes each group (a kind or a type) in batches with its own statements, reporting progress. */
  const writeGroups = async <K extends string>(
    tx: Transaction,
    part: 'entities' | 'sources' | 'relationships',
    groups: Map<K, { row: Row }[]>,
    cypherFor: (key: K) => { lookup: string; create: string; update: string },
  ) => {
    const total = [...groups.values()].reduce((sum, group) => sum + group.length, 0);
    let done = 0;
    for (const [key, group] of groups) {
      const cypher = cypherFor(key);
      for (const batch of chunks(group, batchSize)) {
        await writeBatch(
          tx,
          part,
          batch.map((item) => item.row),
          cypher,
        );
        done += batch.length;
        await options.onProgress?.({ phase: part, done, total });
      }
    }
  };

  const run = async (tx: Transaction) => {
    const progress = async (phase: WriteProgress['phase'], done: number, total: number) =>
      options.onProgress?.({ phase, done, total });
    if (options.reset) {
      await tx.run('MATCH (n) DETACH DELETE n');
      await progress('reset', 1, 1);
    }
    fresh =
      options.fresh === true || options.reset === true || (await tx.run(EMPTY_DATABASE)).length > 0;
    const previousTargets = await readPhaseTargets(
      tx,
      datasets.map((d) => d.id),
    );
    await tx.run(WRITE_DATASETS, { rows: datasets });
    await progress('datasets', datasets.length, datasets.length);

    await writeGroups(
      tx,
      'entities',
      groupBy(entities, (e) => e.kind),
      (kind) => ({
        lookup: LOOKUP_ENTITIES,
        create: createEntities(kind),
        update: updateEntities(kind),
      }),
    );
    await writeGroups(tx, 'sources', new Map([['all', sources]]), () => ({
      lookup: LOOKUP_SOURCES,
      create: CREATE_SOURCES,
      update: UPDATE_SOURCES,
    }));
    await writeGroups(
      tx,
      'relationships',
      groupBy(relationships, (r) => r.type),
      (type) => ({
        lookup: lookupRelationships(type),
        create: createRelationships(type),
        update: replaceRelationships(type),
      }),
    );
    const pruned = contents.filter((c) => options.prune?.includes(c.dataset.id));
    if (pruned.length > 0 && !options.reset) {
      const removed = await tx.run<{ dataset: string; removed: number }>(PRUNE_RELATIONSHIPS, {
        datasets: pruned.map((c) => ({
          id: c.dataset.id,
          keep: [
            ...c.relationships.map((r) => r.id),
            ...[...kept].flatMap((k) => (k.startsWith('relationships:') ? [k.slice(14)] : [])),
          ],
        })),
      });
      for (const row of removed) {
        const report = reports.get(row.dataset);
        if (report) report.relationships.removed = row.removed;
      }
    }
    const stories = await writeDatasetStories(tx, contents, new Set(options.prune ?? []));
    for (const [dataset, counts] of stories) {
      const report = reports.get(dataset);
      if (report) report.stories = counts;
    }
    const phases = await writePhaseAdditions(
      tx,
      contents,
      previousTargets,
      new Set(options.prune ?? []),
    );
    for (const [dataset, counts] of phases) {
      const report = reports.get(dataset);
      if (report) report.phases = counts;
    }
    const stamped = datasets
      .filter((d) => d.whole && !options.keep?.datasets.includes(d.id))
      .filter((d) => {
        const report = reports.get(d.id);
        return report !== undefined && wrote(report);
      });
    if (stamped.length > 0) {
      await tx.run(STAMP_LOADED, { ids: stamped.map((d) => d.id), at: new Date().toISOString() });
    }
    return [...reports.values()];
  };

  return db.transaction(run, {
    rollback: options.dryRun,
    timeoutMs: 0,
    metadata: { app: 'entente', task: 'seed' },
  });
}
