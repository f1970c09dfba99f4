import type {
  DatasetRecord,
  EntityRecord,
  Origin,
  PhaseAdditionRecord,
  RelationshipRecord,
  SourceRecord,
} from '../../server/src/validation/records.ts';

/** A record with where it was read, and where each of its fields was (for precise messages). */
export interface Located<T> {
  record: T;
  origin: Origin;
  fields?: Partial<Record<string, Origin>>;
}

/** One problem in the input: reported as `file:line:col: message`. */
export interface Problem extends Origin {
  message: string;
}

/** Problems in input order: by file, line and column. */
export function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}

/** What a format reader (YAML, FtM, CSV) makes of its input, before cross-checks. */
export interface ReadDataset {
  dataset: Located<DatasetRecord>;
  sources: Located<SourceRecord>[];
  entities: Located<EntityRecord>[];
  relationships: Located<RelationshipRecord>[];
  /**
   * Phases added to relationships by id: of a dataset this one requires, or of this one (those
   * are folded into the relationship's own history before writing).
   */
  phases: Located<PhaseAdditionRecord>[];
  /** Problems found while reading: syntax, shape, unknown keys, bad values. */
  problems: Problem[];
  /**
   * Ids of records rejected with a problem: they count as known to the cross-checks, so one
   * bad entity is reported once, not again at every relationship that names it.
   */
  rejected?: { entities: string[]; sources: string[]; relationships?: string[] };
  /** Per input schema or row kind: how many records were mapped, and what could not be. */
  counts?: { mapped: Record<string, number>; unmapped: Record<string, number> };
  /**
   * The input is the dataset as a whole (a curated YAML dataset), so a relationship it no longer
   * holds is removed when it is loaded again. FtM and CSV inputs may be one part of a dataset:
   * they add and update only.
   */
  whole?: boolean;
}

export type Format = 'yaml' | 'ftm' | 'csv';
