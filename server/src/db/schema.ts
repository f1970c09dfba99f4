import { ENTITY_KINDS } from '../domain/entity-kinds.ts';
import { RELATIONSHIP_TYPES } from '../domain/relationship-types.ts';
import type { Database } from './database.ts';
import { kindLabel } from './identifiers.ts';

/**
 * Constraints and indexes, each idempotent. Entities carry the label Entity plus their kind;
 * relationships carry a stable `id`; sources are nodes of their own.
 */
export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (v:Revision) REQUIRE v.id IS UNIQUE',
  'CREATE INDEX revision_record IF NOT EXISTS FOR (v:Revision) ON (v.record, v.id)',
  'CREATE INDEX revision_change IF NOT EXISTS FOR (v:Revision) ON (v.change)',
  // Eventually consistent: Lucene is updated just after commit instead of inside it, which
  // keeps bulk seeding fast; search may lag a write by moments (see awaitSearchIndex).
  `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]
   OPTIONS { indexConfig: { \`fulltext.eventually_consistent\`: true } }`,
  // A page of one kind reads that kind's entities in id order (entity-repository.ts kindMatch).
  ...ENTITY_KINDS.map(
    (kind) =>
      `CREATE INDEX kind_${kind.toLowerCase()}_id IF NOT EXISTS FOR (e:${kindLabel(kind)}) ON (e.id)`,
  ),
  // Relationship ids are looked up per type; the type names come from the ontology.
  ...RELATIONSHIP_TYPES.map(
    (type) =>
      `CREATE INDEX rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`,
  ),
];

/** Waits until the search index holds every committed write. */
export async function awaitSearchIndex(db: Database): Promise<void> {
  await db.read('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');
}

export async function ensureSchema(db: Database): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await db.write(statement);
  await db.write('CALL db.awaitIndexes(300)');
}
