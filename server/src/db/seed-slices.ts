import type { DatasetContent } from '../validation/records.ts';
import type { Database } from './database.ts';
import { EMPTY_DATABASE } from './seed-cypher.ts';
import { emptyPhaseCounts } from './seed-phases.ts';
import {
  type DatasetWriteReport,
  type WriteCounts,
  type WriteProgress,
  writeDatasets,
} from './seed-repository.ts';

/** Records per committed transaction, and per UNWIND statement, when a write is sliced. */
export const SLICE = 50_000;
export const BATCH = 10_000;

export async function isEmptyDatabase(db: Database): Promise<boolean> {
  return (await db.read(EMPTY_DATABASE)).length > 0;
}

/** Deletes everything, in transactions of its own (no one transaction has to hold it all). */
export async function emptyDatabase(db: Database): Promise<void> {
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

function addCounts(into: WriteCounts, from: WriteCounts): void {
  into.created += from.created;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
}

type Part = 'sources' | 'entities' | 'relationships';
const PARTS: readonly Part[] = ['sources', 'entities', 'relationships'];

interface SliceOptions {
  fresh?: boolean;
  slice?: number;
  batchSize?: number;
  onProgress?: (progress: WriteProgress) => void | Promise<void>;
}

/** Writes parts of one dataset, each in a committed transaction of its own, adding up a report. */
export interface SliceWriter {
  /** `offset` and `total` place the part's progress in its whole (records of the same key). */
  write(records: Partial<DatasetContent>, offset?: number, total?: number): Promise<void>;
  readonly report: DatasetWriteReport;
}

export function sliceWriter(
  db: Database,
  dataset: DatasetContent['dataset'],
  options: Omit<SliceOptions, 'slice'> = {},
): SliceWriter {
  const report: DatasetWriteReport = {
    dataset: dataset.id,
    entities: { created: 0, updated: 0, unchanged: 0 },
    relationships: { created: 0, updated: 0, unchanged: 0, removed: 0 },
    sources: { created: 0, updated: 0, unchanged: 0 },
    phases: emptyPhaseCounts(),
  };
  const write = async (records: Partial<DatasetContent>, offset = 0, total = 0) => {
    const part = { dataset, sources: [], entities: [], relationships: [], phases: [], ...records };
    const [written] = await writeDatasets(db, [part], {
      fresh: options.fresh,
      batchSize: options.batchSize ?? BATCH,
      onProgress: (progress) =>
        progress.phase === 'datasets'
          ? undefined
          : options.onProgress?.({ ...progress, done: offset + progress.done, total }),
    });
    if (!written) return;
    for (const key of PARTS) addCounts(report[key], written[key]);
    report.phases = written.phases;
  };
  return { write, report };
}

/**
 * Writes datasets given in parts (FtM, CSV, the synthetic graph; never a dataset given whole,
 * whose pruning needs all of it at once) in committed slices of `slice` records: no
 * transaction has to hold more than a slice, so a graph of millions loads with a bounded heap.
 * Each slice is atomic, the write as a whole is not: a caller that needs all or nothing
 * undoes the slices itself (importDatasets empties the database it found empty).
 * Progress counts every record of a part, across its slices.
 */
export async function writeInSlices(
  db: Database,
  contents: readonly DatasetContent[],
  options: SliceOptions = {},
): Promise<DatasetWriteReport[]> {
  const slice = options.slice ?? SLICE;
  const reports: DatasetWriteReport[] = [];
  for (const content of contents) {
    const { write, report } = sliceWriter(db, content.dataset, options);
    for (const key of PARTS) {
      const rows = content[key];
      if (rows.length > 0) await options.onProgress?.({ phase: key, done: 0, total: rows.length });
      for (let i = 0; i < rows.length; i += slice) {
        await write({ [key]: rows.slice(i, i + slice) }, i, rows.length);
      }
    }
    // Phases added to other datasets' relationships go last, once those are written.
    await write({ phases: content.phases });
    reports.push(report);
  }
  return reports;
}
