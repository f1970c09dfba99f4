import { comparePartialDates, firstDay, lastDay, type PartialDate } from './partial-date.ts';
import type { RelationshipStatus } from './statuses.ts';

/**
 * What a relationship's status history means. A relationship holds from `since` to `until`;
 * its own `status` is the one it began in, and each phase of `history` is a later change of
 * status with its own date and evidence. The status in force at a date is the status of the
 * last phase that began on or before it (a phase dated to a month or year begins on its first
 * day), or the relationship's own status before the first phase. Asked without a date, a
 * relationship is in its latest status: the last phase's.
 *
 * The same rule is written once more in Cypher, as STATUS_IN_FORCE in db/projections.ts, so
 * that filters run inside the database; a test holds the two to the same answers.
 */

/**
 * What these rules read of evidence and of a phase: the record types (validation/records.ts,
 * derived from the record schemas) fit them, and domain/ stays free of the schemas.
 */
interface EvidenceRecord {
  source: string;
  quote?: string;
}

interface StatusPhaseRecord {
  status: RelationshipStatus;
  since: PartialDate;
  note?: string;
  evidence: EvidenceRecord[];
  dataset?: string;
}

export interface WithHistory {
  status: RelationshipStatus;
  history: readonly Pick<StatusPhaseRecord, 'status' | 'since'>[];
}

/** The status in force at `at`, or the latest status when no date is given. */
export function statusAt(rel: WithHistory, at?: PartialDate | null): RelationshipStatus {
  if (rel.history.length === 0) return rel.status;
  if (!at) return rel.history[rel.history.length - 1]?.status ?? rel.status;
  const day = firstDay(at);
  let status = rel.status;
  for (const phase of rel.history) {
    if (firstDay(phase.since) > day) break;
    status = phase.status;
  }
  return status;
}

/** One stretch of a relationship's life in one status, as the API and the explorer show it. */
export interface StatusPhase {
  status: RelationshipStatus;
  since?: PartialDate;
  /** The next phase's start, or the relationship's end for the last phase. */
  until?: PartialDate;
  note?: string;
  evidence: EvidenceRecord[];
  dataset?: string;
}

/**
 * The whole history as phases: the first is the relationship's own status from `since`, with
 * the relationship's evidence; each later one runs until the next begins.
 */
export function phasesOf(rel: {
  status: RelationshipStatus;
  since?: PartialDate;
  until?: PartialDate;
  evidence: readonly EvidenceRecord[];
  dataset?: string;
  history: readonly StatusPhaseRecord[];
}): StatusPhase[] {
  const starts: StatusPhase[] = [
    { status: rel.status, since: rel.since, evidence: [...rel.evidence], dataset: rel.dataset },
    ...rel.history.map((phase) => ({
      status: phase.status,
      since: phase.since,
      note: phase.note,
      evidence: [...phase.evidence],
      dataset: phase.dataset ?? rel.dataset,
    })),
  ];
  return starts.map((phase, i) => ({ ...phase, until: starts[i + 1]?.since ?? rel.until }));
}

/**
 * A relationship with an end did not begin ended: its own status is the one it began in, and
 * `until` says when it stopped holding. (`ended` without `until` is an end no source dates.)
 */
export function endedProblem(rel: {
  status: RelationshipStatus;
  until?: PartialDate;
}): string | undefined {
  return rel.status === 'ended' && rel.until
    ? `status ended with until ${rel.until}: give the status it began in (until says when it ended)`
    : undefined;
}

/** Phases in date order; phases on the same first day keep their given order. */
export function sortPhases<T extends { since: PartialDate }>(phases: readonly T[]): T[] {
  return [...phases].sort((a, b) => comparePartialDates(a.since, b.since));
}

/** A problem with one phase: its index in the history, the field at fault and what is wrong. */
export interface PhaseProblem {
  index: number;
  field: 'since' | 'status' | 'evidence';
  message: string;
}

/**
 * What is wrong with a history, phase by phase: each phase must begin after the one before it
 * (not on the same day), after the relationship's `since` and no later than its `until`, and
 * cite evidence.
 */
export function historyProblems(rel: {
  since?: PartialDate;
  until?: PartialDate;
  history: readonly Pick<StatusPhaseRecord, 'since' | 'evidence'>[];
}): PhaseProblem[] {
  const problems: PhaseProblem[] = [];
  rel.history.forEach((phase, index) => {
    const day = firstDay(phase.since);
    const previous = rel.history[index - 1];
    if (previous && day <= firstDay(previous.since)) {
      problems.push({
        index,
        field: 'since',
        message:
          day === firstDay(previous.since)
            ? `phase since ${phase.since} begins on the same day as the phase before it (${previous.since})`
            : `phase since ${phase.since} is before the phase before it (${previous.since}): phases go in date order`,
      });
    }
    if (rel.since && day <= firstDay(rel.since)) {
      problems.push({
        index,
        field: 'since',
        message: `phase since ${phase.since} is not after the relationship's since ${rel.since} (the relationship's own status holds from then)`,
      });
    }
    if (rel.until && day > lastDay(rel.until)) {
      problems.push({
        index,
        field: 'since',
        message: `phase since ${phase.since} is after the relationship's until ${rel.until}`,
      });
    }
    if (phase.evidence.length === 0) {
      problems.push({
        index,
        field: 'evidence',
        message: 'a phase needs evidence (a source and a quote)',
      });
    }
  });
  return problems;
}

export const CHANGE_KINDS = ['STARTED', 'ENDED', 'STATUS_CHANGED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Something that happened to a relationship: it began, it ended, or its status changed. */
export interface Change {
  date: PartialDate;
  kind: ChangeKind;
  fromStatus?: RelationshipStatus;
  toStatus?: RelationshipStatus;
}

/**
 * What changed in a relationship after `from` and up to `to`: the changes that make its state
 * at `to` differ from its state at `from` (dates read as in isValidAt and statusAt). It started
 * when it did not hold at `from` and holds at `to`; it ended when it held at `from` and no
 * longer holds at `to`; each phase that began in between is a change of status.
 */
export function changesBetween(
  rel: WithHistory & { since?: PartialDate; until?: PartialDate },
  from: PartialDate,
  to: PartialDate,
): Change[] {
  const start = firstDay(from);
  const end = firstDay(to);
  const changes: Change[] = [];
  if (rel.since && firstDay(rel.since) > start && firstDay(rel.since) <= end) {
    changes.push({ date: rel.since, kind: 'STARTED', toStatus: rel.status });
  }
  let previous = rel.status;
  for (const phase of rel.history) {
    const day = firstDay(phase.since);
    if (day > start && day <= end) {
      changes.push({
        date: phase.since,
        kind: 'STATUS_CHANGED',
        fromStatus: previous,
        toStatus: phase.status,
      });
    }
    previous = phase.status;
  }
  if (rel.until && lastDay(rel.until) >= start && lastDay(rel.until) < end) {
    changes.push({ date: rel.until, kind: 'ENDED', fromStatus: statusAt(rel, lastDay(rel.until)) });
  }
  return changes;
}

/** The day a change is ordered by: a start or a phase on its first day, an end on its last. */
export function changeDay(change: Change): string {
  return change.kind === 'ENDED' ? lastDay(change.date) : firstDay(change.date);
}

/** The first and last days a set of records speaks of, or nulls when none is dated. */
export interface TimeSpan {
  earliest: string | null;
  latest: string | null;
}

/**
 * The span of what records date: relationships' bounds and phases, entities' founding and
 * dissolution. A start counts from its first day, an end to its last.
 */
export function timeSpanOf(records: {
  entities: readonly { founded?: PartialDate; dissolved?: PartialDate }[];
  relationships: readonly {
    since?: PartialDate;
    until?: PartialDate;
    history: readonly { since: PartialDate }[];
  }[];
  phases: readonly { since: PartialDate }[];
}): TimeSpan {
  const starts: string[] = [];
  const ends: string[] = [];
  const start = (date?: PartialDate) => {
    if (date) starts.push(firstDay(date));
  };
  const end = (date?: PartialDate) => {
    if (date) ends.push(lastDay(date));
  };
  for (const entity of records.entities) {
    start(entity.founded);
    end(entity.dissolved);
  }
  for (const rel of records.relationships) {
    start(rel.since);
    end(rel.until);
    for (const phase of rel.history) start(phase.since);
  }
  for (const phase of records.phases) start(phase.since);
  const all = [...starts, ...ends].sort();
  return { earliest: all[0] ?? null, latest: all.at(-1) ?? null };
}
