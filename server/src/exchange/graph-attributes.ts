import { RELATIONSHIP_TYPE_INFO } from '../domain/relationship-types.ts';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../validation/records.ts';
import { cellText, LIST_SEPARATOR, TABLES } from './csv-columns.ts';
import { evidenceUrls } from './graph.ts';

/**
 * The attributes of nodes and edges in GEXF and GraphML: the CSV columns of entities and
 * relationships (their fields, each value in its CSV cell form) but for what the element itself
 * holds (ids, ends; an entity's name is its label), and `sources`, the URLs of the evidence.
 * The GEXF and GraphML readers read them back the same way.
 */

/** The attribute holding the URLs of a record's evidence, separated by LIST_SEPARATOR. */
export const SOURCES_ATTRIBUTE = 'sources';

/** An entity's name: a node's label in both formats, as Gephi reads it. */
export const LABEL_ATTRIBUTE = 'label';

const fieldNames = (table: 'entities' | 'relationships', held: readonly string[]) =>
  TABLES[table].fields.map((field) => field.name).filter((name) => !held.includes(name));

export const NODE_ATTRIBUTES = [...fieldNames('entities', ['id', 'name']), SOURCES_ATTRIBUTE];
export const EDGE_ATTRIBUTES = [
  ...fieldNames('relationships', ['id', 'from', 'to']),
  SOURCES_ATTRIBUTE,
];

function values(
  record: Record<string, unknown>,
  names: readonly string[],
  sources: ReadonlyMap<string, SourceRecord>,
): [string, string][] {
  return names.flatMap((name): [string, string][] => {
    const text =
      name === SOURCES_ATTRIBUTE
        ? evidenceUrls(record.evidence as { source: string }[], sources).join(LIST_SEPARATOR) ||
          undefined
        : cellText(name, record[name]);
    return text === undefined ? [] : [[name, text]];
  });
}

export function nodeValues(
  entity: EntityRecord,
  sources: ReadonlyMap<string, SourceRecord>,
): [string, string][] {
  return values(entity, NODE_ATTRIBUTES, sources);
}

export function edgeValues(
  relationship: RelationshipRecord,
  sources: ReadonlyMap<string, SourceRecord>,
): [string, string][] {
  return values(relationship, EDGE_ATTRIBUTES, sources);
}

/** An edge's own XML attributes in both formats: its id and its ends. */
export function edgeEnds(relationship: RelationshipRecord) {
  return { id: relationship.id, source: relationship.from, target: relationship.to };
}

/** Symmetric types are undirected edges; every other type points from `from` to `to`. */
export function isDirected(relationship: RelationshipRecord): boolean {
  return !RELATIONSHIP_TYPE_INFO[relationship.type].symmetric;
}
