// Which records of a YAML dataset curators changed through the API in a way its files do not
// say: what `npm start` keeps rather than overwrites when the files change, and what
// `npm run export -- --dataset ID --changes` writes into them. The reads are in
// server/src/db/api-edit-repository.ts; deciding what is an edit to keep is pure.
import {
  type EditedRecord,
  findEditedRecords,
  findLoadedAt,
  type StoredRecord,
} from '../../server/src/db/api-edit-repository.ts';
import type { Database } from '../../server/src/db/database.ts';
import {
  entityRevisionRecord,
  type RecordKind,
  type RevisionRecord,
  relationshipRevisionRecord,
  sameRecord,
  sourceRevisionRecord,
} from '../../server/src/domain/revisions.ts';
import type {
  DatasetContent,
  EntityRecord,
  RelationshipRecord,
  RelationshipView,
  SourceRecord,
} from '../../server/src/validation/records.ts';

/** A record of a dataset as curators left it through the API, where the files say otherwise. */
export interface ApiEdit {
  kind: RecordKind;
  id: string;
  /** Who wrote its latest revision, and when (ISO instant). */
  editor: string;
  at: string;
  /** The record as the database holds it, in the dataset format; null: a curator deleted it. */
  record: RevisionRecord | null;
  /** Whether the dataset's files hold a record of that id. */
  inFiles: boolean;
}

/** A relationship as its dataset states it: its own phases, without the dataset they carry. */
export function ownRelationship(view: RelationshipView): RelationshipRecord {
  const { dataset, version: _v, asOf: _a, history, ...rel } = view;
  return {
    ...rel,
    history: history
      .filter((phase) => (phase.dataset ?? dataset) === dataset)
      .map(({ dataset: _d, ...phase }) => phase),
  };
}

/** The stored record in the dataset format (what a dataset's file would state). */
function asRecord(stored: StoredRecord): RevisionRecord {
  switch (stored.kind) {
    case 'entity':
      return entityRevisionRecord(stored.view);
    case 'relationship':
      return ownRelationship(stored.view);
    case 'source':
      return sourceRevisionRecord(stored.view);
  }
}

/** The stored record as a revision keeps it, to compare with a revision's `after`. */
function asRevision(stored: StoredRecord): RevisionRecord {
  switch (stored.kind) {
    case 'entity':
      return entityRevisionRecord(stored.view);
    case 'relationship':
      return relationshipRevisionRecord(stored.view);
    case 'source':
      return sourceRevisionRecord(stored.view);
  }
}

function belongsTo(stored: StoredRecord, dataset: string): boolean {
  return stored.kind === 'entity'
    ? stored.view.datasets.includes(dataset)
    : stored.view.dataset === dataset;
}

type Files = Record<RecordKind, Map<string, EntityRecord | RelationshipRecord | SourceRecord>>;

function filesOf(content: DatasetContent): Files {
  const byId = <T extends { id: string }>(records: readonly T[]) =>
    new Map(records.map((record) => [record.id, record]));
  return {
    entity: byId(content.entities),
    relationship: byId(content.relationships),
    source: byId(content.sources),
  };
}

/**
 * The records of `content`'s dataset that curators changed through the API (`edited`: each
 * record revised since the files were last loaded, as findEditedRecords reads them) and that
 * the database still holds as the curator left them, where the files state them otherwise, do
 * not state them, or state what a curator deleted. A record a later seed run put back as the
 * files say, or that the files now state as the curator did, is no edit to keep.
 */
export function apiEdits(content: DatasetContent, edited: readonly EditedRecord[]): ApiEdit[] {
  const dataset = content.dataset.id;
  const files = filesOf(content);
  const edits: ApiEdit[] = [];
  for (const item of edited) {
    const inFiles = files[item.kind].get(item.id);
    const { stored } = item;
    if (stored ? !belongsTo(stored, dataset) : !inFiles) continue;
    // Written since by a seed run or another way than the API: the revision is not what is held.
    if (!sameRecord(item.after, stored ? asRevision(stored) : null)) continue;
    const record = stored ? asRecord(stored) : null;
    if (inFiles && record && sameRecord(inFiles, record)) continue;
    edits.push({
      kind: item.kind,
      id: item.id,
      editor: item.editor,
      at: item.at,
      record,
      inFiles: inFiles !== undefined,
    });
  }
  return edits;
}

/** "entity europol (updated by alice at 2026-01-02T10:00:00.000Z)". */
export function describeEdit(edit: ApiEdit): string {
  const what = edit.record === null ? 'deleted' : edit.inFiles ? 'edited' : 'not in the files';
  return `${edit.kind} ${edit.id} (${what}; by ${edit.editor} at ${edit.at})`;
}

/**
 * The API edits of `content`'s dataset the database holds: records revised since its files
 * were last loaded whole (its node's `loadedAt`; every revision when it has none).
 */
export async function readApiEdits(db: Database, content: DatasetContent): Promise<ApiEdit[]> {
  const loaded = (await findLoadedAt(db, [content.dataset.id])).get(content.dataset.id);
  return apiEdits(content, await findEditedRecords(db, loaded?.loadedAt ?? null));
}

const PARTS = { entity: 'entities', relationship: 'relationships', source: 'sources' } as const;

/**
 * What a load of `content` leaves as stored to keep `edits`: the edited records, and the
 * relationships of the files whose end a curator deleted (they could not be created).
 */
export function keptRecords(content: DatasetContent, edits: readonly ApiEdit[]): string[] {
  const deleted = new Set(
    edits.filter((e) => e.kind === 'entity' && e.record === null).map((e) => e.id),
  );
  return [
    ...edits.map((edit) => `${PARTS[edit.kind]}:${edit.id}`),
    ...content.relationships
      .filter((rel) => deleted.has(rel.from) || deleted.has(rel.to))
      .map((rel) => `relationships:${rel.id}`),
  ];
}
