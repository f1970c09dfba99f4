import type { EntityKind } from '../domain/entity-kinds.ts';
import type { RelationshipType } from '../domain/relationship-types.ts';
import { ALL_KIND_LABELS, kindLabel, relType } from './identifiers.ts';
import { relationshipByIdUnion } from './projections.ts';

/**
 * The seeder's statements. Every value arrives as a parameter; kind labels and relationship
 * types are written into the text only after checking them against the ontology's allow-list.
 */

/** One row when the database holds nothing at all. */
export const EMPTY_DATABASE = `
OPTIONAL MATCH (n) WITH n LIMIT 1
WITH n WHERE n IS NULL
RETURN true AS empty`;

export const LOOKUP_ENTITIES = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.hash AS hash`;

export const createEntities = (kind: EntityKind) => `
UNWIND $rows AS row
CREATE (e:Entity:${kindLabel(kind)})
SET e = row.props`;

/** An entity may change kind: all kind labels go, the new one is set. */
export const updateEntities = (kind: EntityKind) => `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e = row.props
REMOVE e:${ALL_KIND_LABELS}
SET e:${kindLabel(kind)}`;

export const LOOKUP_SOURCES = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.hash AS hash`;

export const CREATE_SOURCES = `
UNWIND $rows AS row
CREATE (s:Source)
SET s = row.props`;

export const UPDATE_SOURCES = `
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
SET s = row.props`;

/** The earlier of two days, either of which may be null: Cypher's min() over a two-item list. */
const earlier = (a: string, b: string) =>
  `CASE WHEN ${a} IS NULL OR ${b} < ${a} THEN ${b} ELSE ${a} END`;
const later = (a: string, b: string) =>
  `CASE WHEN ${a} IS NULL OR ${b} > ${a} THEN ${b} ELSE ${a} END`;

/**
 * A dataset given whole spans the dates of its records; one written in parts (FtM, CSV, the
 * synthetic graph's slices) widens the span it had. `loadedAt` stays (the write stamps it
 * anew when it changes a record of the dataset).
 */
export const WRITE_DATASETS = `
UNWIND $rows AS row
MERGE (d:Dataset {id: row.id})
WITH d, row, CASE WHEN row.whole THEN null ELSE d.earliest END AS earliest,
     CASE WHEN row.whole THEN null ELSE d.latest END AS latest, d.loadedAt AS loadedAt
SET d = row.props
SET d.loadedAt = loadedAt,
    d.earliest = ${earlier('earliest', 'row.span.earliest')},
    d.latest = ${later('latest', 'row.span.latest')}`;

/** Widens the span a dataset's node holds by `$span` (a curator's record). */
export const WIDEN_DATASET_SPAN = `
MATCH (d:Dataset {id: $id})
SET d.earliest = ${earlier('d.earliest', '$span.earliest')},
    d.latest = ${later('d.latest', '$span.latest')}`;

export const lookupRelationships = (type: RelationshipType) => `
UNWIND $ids AS id
MATCH (x)-[r:${relType(type)} {id: id}]->(y)
RETURN r.id AS id, r.hash AS hash, x.id AS from, y.id AS to, r.history AS history`;

export const createRelationships = (type: RelationshipType) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${relType(type)}]->(b)
SET r = row.props`;

/** Ends may have changed, so an updated relationship is replaced rather than edited. */
export const replaceRelationships = (type: RelationshipType) => `
UNWIND $rows AS row
MATCH ()-[old:${relType(type)} {id: row.id}]->()
DELETE old
WITH row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${relType(type)}]->(b)
SET r = row.props`;

/** Deletes what a dataset given whole no longer holds: relationships of it outside `keep`. */
export const PRUNE_RELATIONSHIPS = `
UNWIND $datasets AS d
MATCH ()-[r]->() WHERE r.dataset = d.id AND NOT r.id IN d.keep
DELETE r
RETURN d.id AS dataset, count(*) AS removed`;

/** The relationships datasets add phases to, named by id whatever their type. */
export const LOOKUP_PHASE_TARGETS = `
UNWIND $ids AS id
CALL (id) {
  ${relationshipByIdUnion('id')}
}
RETURN r.id AS id, type(r) AS type, r.dataset AS dataset, r.history AS history`;

/** The relationships each dataset added phases to when it was last loaded. */
export const LOOKUP_DATASET_PHASE_TARGETS = `
MATCH (d:Dataset) WHERE d.id IN $ids AND d.phaseTargets IS NOT NULL
RETURN d.id AS id, d.phaseTargets AS targets`;

export const writeHistories = (type: RelationshipType) => `
UNWIND $rows AS row
MATCH ()-[r:${relType(type)} {id: row.id}]->()
SET r += row.props`;
