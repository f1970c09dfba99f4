import type { HubRow, PathRow } from '../../db/graph-repository.ts';
import type {
  EntityView,
  EvidenceRecord,
  RelationshipView,
  SourceView,
} from '../../domain/records.ts';
import { builder } from '../builder.ts';

/** Type references declared once, so type files can point at each other without cycles. */
export const EntityRef = builder.interfaceRef<EntityView>('Entity');
export const RelationshipRef = builder.objectRef<RelationshipView>('Relationship');
export const SourceRef = builder.objectRef<SourceView>('Source');
export const EvidenceRef = builder.objectRef<EvidenceRecord>('Evidence');
export const HubRef = builder.objectRef<HubRow>('Hub');
export const PathRef = builder.objectRef<PathRow>('Path');

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount?: number;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
