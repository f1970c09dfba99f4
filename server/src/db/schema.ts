import { ENTITY_KINDS } from '../domain/entity-kinds.ts';
import { RELATIONSHIP_TYPES } from '../domain/relationship-types.ts';
import type { Database } from './database.ts';
import { writeNameKeys } from './duplicate-repository.ts';
import { kindLabel } from './identifiers.ts';
import { MEASURE_PROPERTIES } from './measure-repository.ts';

const NAME_KEY_INDEX = 'entity_name_key';

/**
 * Constraints and indexes, each idempotent. Entities carry the label Entity plus their kind;
 * relationships carry a stable `id`; sources are nodes of their own.
 */
export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT story_id IF NOT EXISTS FOR (s:Story) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (v:Revision) REQUIRE v.id IS UNIQUE',
  'CREATE INDEX revision_record IF NOT EXISTS FOR (v:Revision) ON (v.record, v.id)',
  'CREATE INDEX revision_change IF NOT EXISTS FOR (v:Revision) ON (v.change)',
  // Eventually consistent: Lucene is updated just after commit instead of inside it, which
  // keeps bulk seeding fast; search may lag a write by moments (see awaitSearchIndex).
  `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]
   OPTIONS { indexConfig: { \`fulltext.eventually_consistent\`: true } }`,
  // Evidence is picked by a source's title, id or URL (source-repository.ts searchSources).
  `CREATE FULLTEXT INDEX source_search IF NOT EXISTS FOR (s:Source) ON EACH [s.title, s.id, s.url]
   OPTIONS { indexConfig: { \`fulltext.eventually_consistent\`: true } }`,
  // Duplicate candidates (duplicate-repository.ts): the normalised name, in key order for the
  // whole-graph list; every key of name and aliases, each a whole term (keyword analyzer); and
  // the Wikidata id.
  `CREATE INDEX ${NAME_KEY_INDEX} IF NOT EXISTS FOR (e:Entity) ON (e.nameKey)`,
  `CREATE FULLTEXT INDEX entity_name_keys IF NOT EXISTS FOR (e:Entity) ON EACH [e.nameKeys]
   OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'keyword', \`fulltext.eventually_consistent\`: true } }`,
  'CREATE INDEX entity_wikidata IF NOT EXISTS FOR (e:Entity) ON (e.wikidata)',
  // A page of one kind reads that kind's entities in id order (entity-repository.ts kindMatch).
  ...ENTITY_KINDS.map(
    (kind) =>
      `CREATE INDEX kind_${kind.toLowerCase()}_id IF NOT EXISTS FOR (e:${kindLabel(kind)}) ON (e.id)`,
  ),
  // The ranking (measure-repository.ts) reads each stored measure in descending order.
  ...Object.values(MEASURE_PROPERTIES).map(
    (property) =>
      `CREATE INDEX entity_${property.toLowerCase()} IF NOT EXISTS FOR (e:Entity) ON (e.${property})`,
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

/**
 * Applies the schema. A database written before entities carried name keys (stored-records.ts
 * nameKeyProps) gets them when their index is first made; after that every write keeps them.
 */
export async function ensureSchema(db: Database): Promise<void> {
  const keyed = await db.read('SHOW INDEXES YIELD name WHERE name = $name RETURN name', {
    name: NAME_KEY_INDEX,
  });
  for (const statement of SCHEMA_STATEMENTS) await db.write(statement);
  await db.write('CALL db.awaitIndexes(300)');
  if (keyed.length === 0) await writeNameKeys(db);
}
