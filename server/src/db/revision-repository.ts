import { randomUUID } from 'node:crypto';
import {
  type RecordKind,
  type RevisionAction,
  type RevisionRecord,
  sameRecord,
} from '../domain/revisions.ts';
import type { Database, Transaction } from './database.ts';

/**
 * Revisions: one node per write of a curator, made in the write's own transaction, so that a
 * write and its revision are committed or refused together. A revision names its record by id
 * (not by a relationship to it), so a deleted record keeps its history.
 */

/**
 * One curator's write, which may change several records (a merge, a delete that takes
 * relationships along): its revisions share its id and instant, numbered in the order made.
 */
export interface Change {
  id: string;
  /** ISO 8601 instant. */
  at: string;
  /** Revisions made so far. */
  made: number;
}

export function newChange(): Change {
  return { id: randomUUID(), at: new Date().toISOString(), made: 0 };
}

/** Who wrote, and why: what a curator's write records besides the record itself. */
export interface RevisionNote {
  editor: string;
  comment?: string | null;
  /** The action recorded instead of the one the write implies: a revert's or a merge's. */
  action?: RevisionAction;
  change: Change;
}

/** A note for a new write. */
export function revisionNote(editor: string, comment?: string | null): RevisionNote {
  return { editor, comment, change: newChange() };
}

export interface RevisionRow {
  id: string;
  /** The write it was part of (Change.id), and its place among that write's revisions. */
  change: string;
  seq: number;
  recordId: string;
  recordKind: RecordKind;
  action: RevisionAction;
  editor: string;
  /** ISO 8601 instant. */
  at: string;
  comment: string | null;
  /** The record as it was before the write and as the write left it; null when there was none. */
  before: RevisionRecord | null;
  after: RevisionRecord | null;
}

/**
 * Ids sort as their instants do, then by write, then in the order a write made them: the newest
 * come first in descending id order.
 */
function revisionId(change: Change, seq: number): string {
  return `${change.at}-${change.id.slice(0, 8)}-${String(seq).padStart(5, '0')}`;
}

const CREATE_REVISION = `
CREATE (v:Revision {id: $id, change: $change, seq: $seq, record: $record,
                    recordKind: $recordKind, action: $action, editor: $editor, at: $at,
                    comment: $comment, before: $before, after: $after})`;

/**
 * Records what a write did to one record, inside its transaction; a write that changed nothing
 * records nothing. Returns the revision, or undefined when nothing changed.
 */
export async function recordRevision(
  tx: Transaction,
  change: {
    recordKind: RecordKind;
    recordId: string;
    before: RevisionRecord | null;
    after: RevisionRecord | null;
    note: RevisionNote;
    /** The action when the note gives none: created, updated or deleted, from before and after. */
    action?: RevisionAction;
  },
): Promise<RevisionRow | undefined> {
  const { before, after, note } = change;
  if (sameRecord(before, after)) return undefined;
  const action =
    note.action ??
    change.action ??
    (before === null ? 'created' : after === null ? 'deleted' : 'updated');
  const { change: write } = note;
  const seq = write.made;
  write.made += 1;
  const at = write.at;
  const row: RevisionRow = {
    id: revisionId(write, seq),
    change: write.id,
    seq,
    recordId: change.recordId,
    recordKind: change.recordKind,
    action,
    editor: note.editor,
    at,
    comment: note.comment?.trim() || null,
    before,
    after,
  };
  await tx.run(CREATE_REVISION, {
    id: row.id,
    change: row.change,
    seq: row.seq,
    record: row.recordId,
    recordKind: row.recordKind,
    action: row.action,
    editor: row.editor,
    at: row.at,
    comment: row.comment,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
  });
  return row;
}

const REVISION_FIELDS = `v.id AS id, v.change AS change, v.seq AS seq, v.record AS recordId, v.recordKind AS recordKind,
  v.action AS action, v.editor AS editor, v.at AS at, v.comment AS comment,
  v.before AS before, v.after AS after`;

interface StoredRevision extends Omit<RevisionRow, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

const toRevision = (row: StoredRevision): RevisionRow => ({
  ...row,
  seq: Number(row.seq),
  comment: row.comment ?? null,
  before: row.before === null ? null : (JSON.parse(row.before) as RevisionRecord),
  after: row.after === null ? null : (JSON.parse(row.after) as RevisionRecord),
});

/** Two statements rather than one with `$record IS NULL OR ...`, so each reads through its index. */
const pageOfRevisions = (ofRecord: boolean) => `
MATCH (v:Revision)
WHERE ${ofRecord ? 'v.record = $record AND ' : ''}($after IS NULL OR v.id < $after)
WITH v ORDER BY v.id DESC LIMIT $limit
RETURN ${REVISION_FIELDS}`;

/** The newest revisions first, of one record or of all; `after` a revision id (exclusive). */
export async function findRevisions(
  db: Database,
  options: { record: string | null; first: number; after: string | null },
): Promise<{ items: RevisionRow[]; hasNextPage: boolean }> {
  const rows = await db.read<StoredRevision>(pageOfRevisions(options.record !== null), {
    record: options.record,
    after: options.after,
    limit: options.first + 1,
  });
  return {
    items: rows.slice(0, options.first).map(toRevision),
    hasNextPage: rows.length > options.first,
  };
}

const REVISION_BY_ID = `
MATCH (v:Revision {id: $id})
RETURN ${REVISION_FIELDS}`;

export async function findRevision(db: Database, id: string): Promise<RevisionRow | undefined> {
  const [row] = await db.read<StoredRevision>(REVISION_BY_ID, { id });
  return row ? toRevision(row) : undefined;
}

const REVISIONS_OF_CHANGE = `
MATCH (v:Revision {change: $change})
WITH v ORDER BY v.seq
RETURN ${REVISION_FIELDS}`;

/** Every revision one write made, in the order made. */
export async function findChange(db: Database, change: string): Promise<RevisionRow[]> {
  const rows = await db.read<StoredRevision>(REVISIONS_OF_CHANGE, { change });
  return rows.map(toRevision);
}
