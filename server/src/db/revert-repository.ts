import type { RecordKind, RevisionRecord } from '../domain/revisions.ts';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../validation/records.ts';
import {
  type Check,
  deleteEntityIn,
  deleteRelationshipIn,
  upsertEntityIn,
  upsertRelationshipIn,
  upsertSourceIn,
} from './curation-repository.ts';
import type { Database, Transaction } from './database.ts';
import type { RevisionNote } from './revision-repository.ts';

/** A record to write back as it was (null: to delete), with the checks its write must pass. */
export interface Restore {
  kind: RecordKind;
  id: string;
  record: RevisionRecord | null;
  check: Check;
}

async function restoreIn(tx: Transaction, step: Restore, note: RevisionNote): Promise<void> {
  const { kind, id, record, check } = step;
  if (kind === 'entity') {
    if (record) await upsertEntityIn(tx, record as EntityRecord, check, note);
    else await deleteEntityIn(tx, id, check, note);
  } else if (kind === 'relationship') {
    if (record) await upsertRelationshipIn(tx, record as RelationshipRecord, check, note);
    else await deleteRelationshipIn(tx, id, check, note);
  } else if (record) {
    await upsertSourceIn(tx, record as SourceRecord, check, note);
  } else {
    throw new Error('sources are never deleted');
  }
}

/**
 * Writes records back in one transaction, in the order given, each as a curator's write of it
 * would be (its checks first, a revision of the same change after): all of them, or none.
 */
export function restoreRecords(
  db: Database,
  steps: readonly Restore[],
  note: RevisionNote,
): Promise<void> {
  return db.transaction(async (tx) => {
    for (const step of steps) await restoreIn(tx, step, note);
  });
}

const LATER_REVISIONS = `
UNWIND $records AS record
MATCH (v:Revision {record: record})
WHERE v.id > $since AND v.change <> $change
WITH record, max(v.id) AS latest
RETURN record, latest ORDER BY record`;

/** Records among `records` that a later write than `change` (made at `since`) revised. */
export async function revisedSince(
  db: Database,
  change: string,
  since: string,
  records: readonly string[],
): Promise<{ record: string; latest: string }[]> {
  return db.read(LATER_REVISIONS, { change, since, records: [...records] });
}
