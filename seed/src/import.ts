import { statSync } from 'node:fs';
import type { Database } from '../../server/src/db/database.ts';
import { DatabaseError, kindOf } from '../../server/src/db/database-errors.ts';
import { findEntityKinds } from '../../server/src/db/dataset-repository.ts';
import {
  type DatasetWriteReport,
  type KeptRecords,
  type WriteProgress,
  writeDatasets,
} from '../../server/src/db/seed-repository.ts';
import {
  emptyDatabase,
  isEmptyDatabase,
  SLICE,
  writeInSlices,
} from '../../server/src/db/seed-slices.ts';
import { findStoryOwners } from '../../server/src/db/seed-stories.ts';
import { sortPhases } from '../../server/src/domain/status-history.ts';
import type { DatasetContent, PhaseAdditionRecord } from '../../server/src/validation/records.ts';
import { importFtmStream, STREAM_BYTES } from './ftm-import.ts';
import {
  datasetFolders,
  guessFormat,
  InputError,
  type InputProgress,
  readInputs,
} from './inputs.ts';
import { byPlace, type Format, type NameMatches, type Problem, type ReadDataset } from './model.ts';
import { createNameLinker } from './name-links.ts';
import { storedKindProblems, validateDatasets } from './validate.ts';
import { storedStoryProblems } from './validate-stories.ts';

export interface ImportOptions {
  paths: readonly string[];
  format?: Format;
  datasetId?: string;
  reset?: boolean;
  dryRun?: boolean;
  batchSize?: number;
  /** Records per committed slice of a large first load (see takesSlices). Default SLICE. */
  slice?: number;
  /** An FtM file larger than this, into an empty database, streams. Default STREAM_BYTES. */
  streamBytes?: number;
  /** Records left as stored: curators' edits the start keeps (see WriteOptions.keep). */
  keep?: KeptRecords;
  /** Called while an input is read (FtM lines report the bytes read). */
  onReadProgress?: InputProgress;
  onRead?: (datasets: readonly ReadDataset[]) => void;
  onProgress?: (progress: WriteProgress) => void | Promise<void>;
}

/** 0 written, 1 invalid input (nothing written), 2 database unreachable, 3 write failed and rolled back. */
export type ExitCode = 0 | 1 | 2 | 3;

export interface ImportResult {
  exitCode: ExitCode;
  problems: Problem[];
  reports: DatasetWriteReport[];
  /** Per dataset, records mapped and not mapped per input schema (FtM, CSV). */
  counts: Record<string, ReadDataset['counts']>;
  /**
   * Per dataset, the names it gives as text (FtM authorities) linked to an entity already known,
   * and those made into entities of their own with the entities they may duplicate.
   */
  names?: Record<string, NameMatches>;
  error?: string;
}

/**
 * The records to write. Phases a dataset adds to its own relationships join their histories;
 * the rest stay additions to other datasets' relationships, credited to this one when stored.
 */
export function toContent(read: ReadDataset): DatasetContent {
  const own = new Set(read.relationships.map((item) => item.record.id));
  const additions = read.phases.map((item) => item.record);
  const byRelationship = new Map<string, PhaseAdditionRecord[]>();
  for (const phase of additions.filter((item) => own.has(item.relationship))) {
    byRelationship.set(phase.relationship, [
      ...(byRelationship.get(phase.relationship) ?? []),
      phase,
    ]);
  }
  return {
    dataset: read.dataset.record,
    sources: read.sources.map((item) => item.record),
    entities: read.entities.map((item) => item.record),
    relationships: read.relationships.map(({ record }) => {
      const added = byRelationship.get(record.id);
      if (!added) return record;
      const phases = added.map(({ relationship: _relationship, ...phase }) => phase);
      return { ...record, history: sortPhases([...record.history, ...phases]) };
    }),
    phases: additions.filter((phase) => !own.has(phase.relationship)),
    stories: (read.stories ?? []).map((item) => item.record),
  };
}

/** Neo4j could not be reached (as the server classifies it), or the address does not resolve. */
export function isUnreachable(error: unknown): boolean {
  return (
    kindOf(error) === 'unavailable' ||
    /ECONNREFUSED|ENOTFOUND|Could not perform discovery/.test(String(error))
  );
}

/** What the driver said, behind the server's own wording of the failure. */
export function driverMessage(error: unknown): string {
  const cause = error instanceof DatabaseError ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause ?? error);
}

/**
 * A first load of a large FtM or CSV input into an empty database commits in slices (one
 * transaction could not hold a million records); anything else is one transaction.
 */
async function takesSlices(
  db: Database,
  read: readonly ReadDataset[],
  contents: readonly DatasetContent[],
  options: ImportOptions,
): Promise<boolean> {
  if (options.reset || options.dryRun || read.some((dataset) => dataset.whole)) return false;
  const records = contents.reduce(
    (sum, c) => sum + c.entities.length + c.relationships.length + c.sources.length,
    0,
  );
  return records > (options.slice ?? SLICE) && (await isEmptyDatabase(db));
}

/** Work that writes slices into the database found empty; if it fails, it is emptied again. */
async function orUndo<T>(db: Database, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await undoSlices(db, error);
    throw error;
  }
}

/** Empties the database again after slices were written into it; `cause` is why. */
async function undoSlices(db: Database, cause: unknown): Promise<void> {
  try {
    await emptyDatabase(db);
  } catch (undo) {
    throw new Error(
      `${String(cause)}; removing the slices already committed failed too (${String(undo)}): the database holds part of the input, and \`npm run seed -- --reset\` starts it again`,
    );
  }
}

/** The one FtM file of a run that streams: large, and loaded into an empty database. */
async function streamedFtm(db: Database, options: ImportOptions): Promise<string | undefined> {
  const [path] = options.paths;
  if (!path || options.paths.length > 1 || options.reset || options.dryRun) return undefined;
  if (datasetFolders(path)) return undefined;
  if ((options.format ?? guessFormat(path)) !== 'ftm') return undefined;
  if (statSync(path).size <= (options.streamBytes ?? STREAM_BYTES)) return undefined;
  return (await isEmptyDatabase(db)) ? path : undefined;
}

/** A streamed FtM file (importFtmStream): a problem or a failed write empties the database again. */
async function importStreamed(
  db: Database,
  path: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const streamed = await orUndo(db, () => importFtmStream(db, path, options));
  const counts = { [streamed.dataset.record.id]: streamed.counts };
  if (streamed.problems.length > 0) {
    const problems = streamed.problems.sort(byPlace);
    await undoSlices(db, `${problems.length} problem(s) in ${path}`);
    return { exitCode: 1, problems, reports: [], counts };
  }
  return {
    exitCode: 0,
    problems: [],
    reports: streamed.report ? [streamed.report] : [],
    counts,
    names: namesOf([streamed]),
  };
}

/**
 * Reads, validates, and only when every input is valid writes it: in one transaction, or
 * for a large first load in committed slices that are removed again if one fails.
 */
export async function importDatasets(
  db: Database,
  uri: string,
  options: ImportOptions,
): Promise<ImportResult> {
  try {
    const streamed = await streamedFtm(db, options);
    if (streamed) return await importStreamed(db, streamed, options);
  } catch (error) {
    return failed(error, uri, [], {});
  }
  // Names an FtM file gives as text are linked to entities of the run or, unless the database is
  // to be emptied, of the database (name-links.ts).
  const names = (others: readonly ReadDataset[]) =>
    createNameLinker({
      entities: others.flatMap((dataset) => dataset.entities.map((entity) => entity.record)),
      db: options.reset ? undefined : db,
    });
  let read: ReadDataset[];
  try {
    read = await readInputs(
      options.paths,
      options.format,
      options.datasetId,
      options.onReadProgress,
      names,
    );
  } catch (error) {
    return failed(error, uri, [], {});
  }
  options.onRead?.(read);
  const counts = Object.fromEntries(
    read.map((dataset) => [dataset.dataset.record.id, dataset.counts]),
  );
  const matched = namesOf(read);
  const problems = validateDatasets(read);
  if (problems.length > 0) return { exitCode: 1, problems, reports: [], counts, names: matched };
  const contents = read.map(toContent);
  try {
    // An entity stored by another dataset keeps its kind, and a story its dataset (with --reset
    // nothing stays stored).
    const ids = options.reset
      ? []
      : read.flatMap((dataset) => dataset.entities.map((entity) => entity.record.id));
    const storyIds = options.reset
      ? []
      : read.flatMap((dataset) => (dataset.stories ?? []).map((story) => story.record.id));
    const kindProblems = [
      ...storedKindProblems(read, await findEntityKinds(db, ids)),
      ...storedStoryProblems(read, await findStoryOwners(db, storyIds)),
    ].sort(byPlace);
    if (kindProblems.length > 0)
      return { exitCode: 1, problems: kindProblems, reports: [], counts };
    const reports = (await takesSlices(db, read, contents, options))
      ? await orUndo(db, () =>
          writeInSlices(db, contents, {
            fresh: true,
            slice: options.slice,
            batchSize: options.batchSize,
            onProgress: options.onProgress,
          }),
        )
      : await writeDatasets(db, contents, {
          reset: options.reset,
          dryRun: options.dryRun,
          prune: read
            .filter((dataset) => dataset.whole)
            .map((dataset) => dataset.dataset.record.id),
          batchSize: options.batchSize,
          keep: options.keep,
          onProgress: options.onProgress,
        });
    return { exitCode: 0, problems, reports, counts, names: matched };
  } catch (error) {
    return failed(error, uri, problems, counts);
  }
}

/** Per dataset, the names given as text that were linked or have candidates; none, no entry. */
function namesOf(read: readonly Pick<ReadDataset, 'dataset' | 'names'>[]): ImportResult['names'] {
  return Object.fromEntries(
    read.flatMap((dataset) =>
      dataset.names && dataset.names.linked.length + dataset.names.candidates.length > 0
        ? [[dataset.dataset.record.id, dataset.names]]
        : [],
    ),
  );
}

/** A write that threw: the database unreachable (2), or the write failed and was undone (3). */
function failed(
  error: unknown,
  uri: string,
  problems: Problem[],
  counts: ImportResult['counts'],
): ImportResult {
  if (error instanceof InputError) throw error;
  const message = driverMessage(error);
  if (isUnreachable(error)) {
    return {
      exitCode: 2,
      problems,
      reports: [],
      counts,
      error: `Neo4j at ${uri} is unreachable (${message.split('\n')[0]}). Nothing was written.`,
    };
  }
  return {
    exitCode: 3,
    problems,
    reports: [],
    counts,
    error: `Writing failed and was rolled back; the database is as it was before. ${message}`,
  };
}
