import { firstDay } from '../../../server/src/domain/partial-date.ts';
import type { Change, ChangeKind, Evidence } from '../api/types.ts';
import type { Comparison } from './explorer.ts';

/** Both dates of a comparison, in order; null until both are given and `from` is before `to`. */
export function comparedDates(compare: Comparison): { from: string; to: string } | null {
  const { from, to } = compare;
  return from && to && firstDay(from) < firstDay(to) ? { from, to } : null;
}

/** What a comparison found, per relationship: the kinds of change each went through. */
export function changeMarks(changes: readonly Change[]): Map<string, ChangeKind[]> {
  const marks = new Map<string, ChangeKind[]>();
  for (const change of changes) {
    const id = change.relationship.id;
    const kinds = marks.get(id) ?? [];
    if (!kinds.includes(change.kind)) kinds.push(change.kind);
    marks.set(id, kinds);
  }
  return marks;
}

/**
 * The evidence for a change: for a change of status, the evidence of the phase that began then;
 * for a start or an end, the relationship's own.
 */
export function changeEvidence(change: Change): Evidence[] {
  const { relationship } = change;
  if (change.kind === 'STATUS_CHANGED') {
    const day = firstDay(change.date);
    const phase = relationship.history.find((p) => p.since && firstDay(p.since) === day);
    if (phase) return phase.evidence;
  }
  return relationship.evidence;
}
