import type { Database } from '../../server/src/db/database.ts';
import { findEntityKinds } from '../../server/src/db/dataset-repository.ts';
import {
  type DatasetWriteReport,
  type WriteProgress,
  writeDatasets,
} from '../../server/src/db/seed-repository.ts';
import { sortPhases } from '../../server/src/domain/status-history.ts';
import type { DatasetContent, PhaseAdditionRecord } from '../../server/src/validation/records.ts';
import { type InputProgress, readInputs } from './inputs.ts';
import type { Format, Problem, ReadDataset } from './model.ts';
import { storedKindProblems, validateDatasets } from './validate.ts';

export interface ImportOptions {
  paths: readonly string[];
  format?: Format;
  datasetId?: string;
  reset?: boolean;
  dryRun?: boolean;
  batchSize?: number;
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
  };
}

const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    UNREACHABLE.has(code) ||
    /ECONNREFUSED|ENOTFOUND|Could not perform discovery/.test(String(error))
  );
}

/** Reads, validates, and only when every input is valid writes it all in one transaction. */
export async function importDatasets(
  db: Database,
  uri: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const read = await readInputs(
    options.paths,
    options.format,
    options.datasetId,
    options.onReadProgress,
  );
  options.onRead?.(read);
  const counts = Object.fromEntries(
    read.map((dataset) => [dataset.dataset.record.id, dataset.counts]),
  );
  const problems = validateDatasets(read);
  if (problems.length > 0) return { exitCode: 1, problems, reports: [], counts };
  try {
    const ids = read.flatMap((dataset) => dataset.entities.map((entity) => entity.record.id));
    const kindProblems = storedKindProblems(read, await findEntityKinds(db, ids));
    if (kindProblems.length > 0)
      return { exitCode: 1, problems: kindProblems, reports: [], counts };
    const reports = await writeDatasets(db, read.map(toContent), {
      reset: options.reset,
      dryRun: options.dryRun,
      prune: read.filter((dataset) => dataset.whole).map((dataset) => dataset.dataset.record.id),
      batchSize: options.batchSize,
      onProgress: options.onProgress,
    });
    return { exitCode: 0, problems, reports, counts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
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
}
