import type { Check } from '../../db/curation-repository.ts';
import { firstDay, lastDay } from '../../domain/partial-date.ts';
import { endpointProblem } from '../../domain/relationship-types.ts';
import { NEW_RECORD } from '../../domain/revisions.ts';
import { endedProblem, historyProblems } from '../../domain/status-history.ts';
import type {
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
} from '../../validation/records.ts';
import { badInput, userError } from '../errors.ts';

/**
 * What a curator's write of each kind of record must satisfy: the rules a record schema cannot
 * check alone (date order, a history's order, endpoint kinds), and, inside the write's
 * transaction, what it refers to and the version it was read at. The mutations and reverts
 * share them, so a revert is refused where the same write would be.
 */

export function missing(what: 'entity' | 'relationship', id: string, field: string) {
  return userError('NOT_FOUND', `No ${what} with id "${id}".`, { id, field });
}

/** Refuses evidence that names a source the database does not hold. */
function requireSources(evidence: readonly EvidenceRecord[]): Check {
  return (found) => {
    const unknown = evidence.find((item) => !found.sources.has(item.source));
    if (unknown) throw badInput(`evidence names unknown source "${unknown.source}".`, 'evidence');
  };
}

/**
 * Refuses a write of a record that changed since the caller read it: `expected` is the version it
 * read (absent: the write does not depend on what it replaces).
 */
export function requireVersion(
  what: 'entity' | 'relationship' | 'source',
  id: string,
  expected: string | null | undefined,
  field = 'expectedVersion',
): Check {
  return (found) => refuseStale(what, id, expected, found.version, field);
}

/**
 * Throws CONFLICT when the version `found` (null: there is no such record) is not the one the
 * caller read; `NEW_RECORD` expects none.
 */
export function refuseStale(
  what: 'entity' | 'relationship' | 'source' | 'story',
  id: string,
  expected: string | null | undefined,
  found: string | null,
  field = 'expectedVersion',
): void {
  if (expected === null || expected === undefined || found === expected) return;
  if (expected === NEW_RECORD) {
    if (found === null) return;
    throw userError(
      'CONFLICT',
      `The ${what} "${id}" already exists (version ${found}); nothing was written.`,
      { id, field, version: found },
    );
  }
  throw userError(
    'CONFLICT',
    found === null
      ? `The ${what} "${id}" was deleted since version ${expected} was read; nothing was written.`
      : `The ${what} "${id}" has changed since version ${expected} was read (it is now ${found}); nothing was written.`,
    { id, field, version: found },
  );
}

/** The checks, in order. */
export function all(...checks: Check[]): Check {
  return (found) => {
    for (const check of checks) check(found);
  };
}

export function requireEntities(named: Partial<Record<string, string>>): Check {
  return (found) => {
    for (const [field, id] of Object.entries(named)) {
      if (id && !found.entities.has(id)) throw missing('entity', id, field);
    }
  };
}

export const EXPECTED_VERSION =
  'The version of the record as read (its `version`): if it has changed since, the write is refused with CONFLICT and nothing is written. Empty (""): the record must not exist yet, so the write only creates. Absent: written whatever it replaces.';

export function entityChecks(record: EntityRecord, expectedVersion?: string | null): Check {
  return all(requireVersion('entity', record.id, expectedVersion), requireSources(record.evidence));
}

/** Throws what is wrong with the relationship on its own; returns the check of its references. */
export function relationshipChecks(
  rel: RelationshipRecord,
  expectedVersion?: string | null,
): Check {
  if (rel.since && rel.until && lastDay(rel.until) < firstDay(rel.since)) {
    throw badInput(`until ${rel.until} is before since ${rel.since}.`, 'until');
  }
  const ended = endedProblem(rel);
  if (ended) throw badInput(`${ended}.`, 'status');
  const [phaseProblem] = historyProblems(rel);
  if (phaseProblem) {
    throw badInput(
      `history.${phaseProblem.index}.${phaseProblem.field}: ${phaseProblem.message}.`,
      'history',
    );
  }
  return (found) => {
    requireVersion('relationship', rel.id, expectedVersion)(found);
    const fromKind = found.entities.get(rel.from);
    if (!fromKind) throw missing('entity', rel.from, 'from');
    const toKind = found.entities.get(rel.to);
    if (!toKind) throw missing('entity', rel.to, 'to');
    const problem = endpointProblem(rel.type, fromKind, toKind);
    if (problem) {
      throw badInput(`${problem}: ${rel.from} (${fromKind}) -> ${rel.to} (${toKind}).`, 'type');
    }
    requireSources([...rel.evidence, ...rel.history.flatMap((phase) => phase.evidence)])(found);
  };
}

export function sourceChecks(record: SourceRecord, expectedVersion?: string | null): Check {
  return all(
    requireVersion('source', record.id, expectedVersion),
    requireEntities({ publisher: record.publisher, author: record.author }),
  );
}
