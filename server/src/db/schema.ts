import { RELATIONSHIP_TYPES } from '../domain/relationship-types.ts';
import type { Database } from './database.ts';

/**
 * Constraints and indexes, each idempotent. Entities carry the label Entity plus their kind;
 * relationships carry a stable `id`; sources are nodes of their own.
 */
export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE',
  'CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)',
  'CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]',
  // Relationship ids are looked up per type; the type names come from the ontology.
  ...RELATIONSHIP_TYPES.map(
    (type) =>
      `CREATE INDEX rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`,
  ),
  ...RELATIONSHIP_TYPES.map(
    (type) =>
      `CREATE INDEX rel_${type.toLowerCase()}_valid IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.validFrom, r.validTo)`,
  ),
];

export async function ensureSchema(db: Database): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await db.write(statement);
  await db.write('CALL db.awaitIndexes(300)');
}
