import type { EntityKind } from '../../server/src/domain/entity-kinds.ts';
import type { MatchSubject } from '../../server/src/domain/name-matching.ts';
import type {
  DatasetRecord,
  EntityRecord,
  Origin,
  PhaseAdditionRecord,
  RelationshipRecord,
  SourceRecord,
  StoryRecord,
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
  /** Stories (YAML only): their fields located as `steps.<i>.<field>` (see formats/yaml.ts). */
  stories?: Located<StoryRecord>[];
  /** Problems found while reading: syntax, shape, unknown keys, bad values. */
  problems: Problem[];
  /**
   * Ids of records rejected with a problem: they count as known to the cross-checks, so one
   * bad entity is reported once, not again at every relationship that names it.
   */
  rejected?: { entities: string[]; sources: string[]; relationships?: string[] };
  /** Per input schema or row kind: how many records were mapped, and what could not be. */
  counts?: { mapped: Record<string, number>; unmapped: Record<string, number> };
  /** Names the input gives as text (an FtM Sanction's authority), matched to known entities. */
  names?: NameMatches;
  /**
   * The input is the dataset as a whole (a curated YAML dataset), so a relationship it no longer
   * holds is removed when it is loaded again. FtM and CSV inputs may be one part of a dataset:
   * they add and update only.
   */
  whole?: boolean;
}

/** The datasets a dataset may refer to: itself and those it requires, directly or not. */
export function reachable(datasets: readonly ReadDataset[], id: string): Set<string> {
  const requires = new Map(datasets.map((d) => [d.dataset.record.id, d.dataset.record.requires]));
  const seen = new Set<string>();
  const stack = [id];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(requires.get(next) ?? []));
  }
  return seen;
}

export type Format = 'yaml' | 'ftm' | 'csv' | 'gexf' | 'graphml';

/** An entity that a name given as text may be, as the import's report lists it. */
export interface NameCandidate {
  id: string;
  name: string;
  score: number;
  certain: boolean;
  reasons: string[];
}

/** How the names an input gives as text were matched (server/src/domain/name-matching.ts). */
export interface NameMatches {
  /** Linked to the one entity, in the database or the run, that matches with certainty. */
  linked: { name: string; entity: string; kind: EntityKind; reasons: string[] }[];
  /** Made into an entity of their own (`entity`), with the entities they may be the same as. */
  candidates: { name: string; entity: string; matches: NameCandidate[] }[];
}

/**
 * What the import knows of a name given as text, the dataset it imports, and the ids the name's
 * own entity may have (the one it prefers first, then the one it takes when that is taken).
 */
export type NameProbe = MatchSubject & { ids: readonly string[]; dataset: string };

/** Finds what a name given as text is: the entity to link it to, or the ones it may be. */
export interface NameLinker {
  /** An entity of the input itself that a name given as text may be (see formats/ftm.ts). */
  add(entity: EntityRecord): void;
  link(probe: NameProbe): Promise<{
    /** The one entity that matches with certainty, if exactly one does. */
    linked?: NameCandidate & { kind: EntityKind };
    /** The others it may be, best first (every certain one, when more than one is). */
    matches: NameCandidate[];
    /** The first of `probe.ids` names an entity of another dataset: the name's own takes the next. */
    idTaken: boolean;
  }>;
}
