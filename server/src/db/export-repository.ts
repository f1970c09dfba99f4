import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';
import type { EntityView, RelationshipView, SourceView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { relType } from './identifiers.ts';
import {
  ENTITY_MAP,
  RELATIONSHIP_MAP,
  SOURCE_MAP,
  toEntity,
  toRelationship,
  toSource,
} from './projections.ts';

/**
 * The reads of `npm run export`: every record, in id order, a page at a time. Each page starts
 * after the last id of the one before (ids are non-empty slugs, so '' comes before them all)
 * and is read through the id index, so a page costs the same wherever it falls: the whole
 * graph is never one answer, and reading it is not quadratic as SKIP would be.
 */

/** Records per page: small enough for one answer, large enough that round trips do not dominate. */
export const EXPORT_PAGE = 5000;

const ENTITY_PAGE = `
MATCH (e:Entity) WHERE e.id > $after
WITH e ORDER BY e.id LIMIT $page
RETURN ${ENTITY_MAP} AS row`;

const SOURCE_PAGE = `
MATCH (s:Source) WHERE s.id > $after
WITH s ORDER BY s.id LIMIT $page
RETURN ${SOURCE_MAP} AS row`;

/** Per type, so that each page is read through that type's id index. */
const relationshipPage = (type: RelationshipType) => `
MATCH ()-[r:${relType(type)}]->() WHERE r.id > $after
WITH r ORDER BY r.id LIMIT $page
RETURN ${RELATIONSHIP_MAP} AS row`;

async function* pages<T extends { id: string }>(
  db: Database,
  cypher: string,
  read: (row: Record<string, unknown>) => T,
  page: number,
): AsyncGenerator<T[]> {
  let after = '';
  for (;;) {
    const rows = await db.read<{ row: Record<string, unknown> }>(cypher, { after, page });
    if (rows.length === 0) return;
    const records = rows.map((row) => read(row.row));
    yield records;
    after = records[records.length - 1]?.id ?? after;
    if (rows.length < page) return;
  }
}

/** Every entity, in pages ordered by id. */
export function readEntityPages(db: Database, page = EXPORT_PAGE): AsyncGenerator<EntityView[]> {
  return pages(db, ENTITY_PAGE, toEntity, page);
}

/** Every source, in pages ordered by id. */
export function readSourcePages(db: Database, page = EXPORT_PAGE): AsyncGenerator<SourceView[]> {
  return pages(db, SOURCE_PAGE, toSource, page);
}

/** Every relationship, type by type, in pages ordered by id. */
export async function* readRelationshipPages(
  db: Database,
  page = EXPORT_PAGE,
): AsyncGenerator<RelationshipView[]> {
  for (const type of RELATIONSHIP_TYPES) {
    yield* pages(db, relationshipPage(type), (row) => toRelationship(row), page);
  }
}
