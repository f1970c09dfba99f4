import type { HubRow, PathRow } from '../../db/graph-repository.ts';
import type { StatusPhase } from '../../domain/status-history.ts';
import type {
  EntityView,
  EvidenceRecord,
  RelationshipView,
  SourceView,
} from '../../validation/records.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';

/** What a record's `version` field says, the same on every kind of record. */
export const VERSION =
  'The stored content as one token: send it back as `expectedVersion` to update or delete the record only if it has not changed since it was read';

/** Type references declared once, so type files can point at each other without cycles. */
export const EntityRef = builder.interfaceRef<EntityView>('Entity');
export const RelationshipRef = builder.objectRef<RelationshipView>('Relationship');
export const SourceRef = builder.objectRef<SourceView>('Source');
export const EvidenceRef = builder.objectRef<EvidenceRecord>('Evidence');
export const HubRef = builder.objectRef<HubRow>('Hub');
export const PathRef = builder.objectRef<PathRow>('Path');
export const StatusPhaseRef = builder.objectRef<StatusPhase>('StatusPhase');

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  /** Counts every item the filter matches: a query of its own, run only when asked. */
  countTotal?: () => Promise<number>;
}

/** Marks a cursor as this API's, so an id or a stray string passed as `after` is refused. */
const CURSOR_PREFIX = 'after:';

/** An opaque keyset cursor: the id of the last item of a page. */
export function encodeCursor(id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64url');
}

/** The id a cursor holds; BAD_USER_INPUT for anything encodeCursor did not make. */
export function decodeCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.slice(CURSOR_PREFIX.length);
  if (!text.startsWith(CURSOR_PREFIX) || encodeCursor(id) !== cursor)
    throw badInput(
      'after must be a cursor this API gave (pageInfo.endCursor or an edge cursor).',
      'after',
    );
  return id;
}
