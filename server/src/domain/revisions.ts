import type {
  EntityRecord,
  EntityView,
  RelationshipRecord,
  RelationshipView,
  SourceRecord,
  SourceView,
} from '../validation/records.ts';

/**
 * What a revision keeps of a record: the record as a dataset gives it, without what the
 * database derives (degree, version, the datasets it belongs to), so that two revisions differ
 * only where a curator's write made them differ, and a revert writes the record back as it was.
 */

export const RECORD_KINDS = ['entity', 'relationship', 'source'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What a write did: `reverted` writes an earlier revision's record back. */
export const REVISION_ACTIONS = ['created', 'updated', 'deleted', 'merged', 'reverted'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

export type RevisionRecord = EntityRecord | RelationshipRecord | SourceRecord;

export function entityRevisionRecord(view: EntityView): EntityRecord {
  const { datasets: _datasets, degree: _degree, version: _version, ...record } = view;
  return record;
}

/**
 * A relationship with its own phases (stored with its own dataset, or none): those another
 * dataset adds stay with it whatever is written.
 */
export function relationshipRevisionRecord(view: RelationshipView): RelationshipRecord {
  const { dataset, version: _version, asOf: _asOf, history, ...record } = view;
  const own = history
    .filter((phase) => phase.dataset === undefined || phase.dataset === dataset)
    .map(({ dataset: _phaseDataset, ...phase }) => phase);
  return { ...record, history: own };
}

export function sourceRevisionRecord(view: SourceView): SourceRecord {
  const { dataset: _dataset, version: _version, ...record } = view;
  return record;
}

/** JSON with keys in sorted order and undefined members left out: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    member && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(
          Object.entries(member as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : member,
  );
}

/** One field a revision changed: its value before and after, as JSON (absent: null). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/**
 * The fields that differ between two states of a record, in the order the record gives them;
 * an empty list and an absent field are the same. A created record lists each field it has, a
 * deleted one each field it had.
 */
export function fieldChanges(
  before: RevisionRecord | null,
  after: RevisionRecord | null,
): FieldChange[] {
  const was = (before ?? {}) as Record<string, unknown>;
  const is = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(is), ...Object.keys(was)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const [from, to] = [was[field], is[field]];
    if (isEmpty(from) && isEmpty(to)) continue;
    if (canonicalJson(from) === canonicalJson(to)) continue;
    changes.push({
      field,
      before: isEmpty(from) ? null : canonicalJson(from),
      after: isEmpty(to) ? null : canonicalJson(to),
    });
  }
  return changes;
}

/** Whether a write changed nothing: both absent, or no field differs. */
export function sameRecord(a: RevisionRecord | null, b: RevisionRecord | null): boolean {
  return (a === null) === (b === null) && fieldChanges(a, b).length === 0;
}

/** The expected version of a record that must not exist yet: a write that only creates. */
export const NEW_RECORD = '';
