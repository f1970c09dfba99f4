import type { EntityKind } from '../domain/entity-kinds.ts';
import type {
  EntityView,
  EvidenceRecord,
  RelationshipView,
  SourceView,
} from '../domain/records.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';
import type { RelationshipStatus } from '../domain/statuses.ts';
import { relType } from './identifiers.ts';

/**
 * Cypher map projections shared by the repositories, and the functions that turn their rows
 * into the plain shapes above `db/`. Projections only read; they take no values.
 */

/** `e` must be bound to an :Entity node. */
export const ENTITY_MAP = `e {
  .id, .kind, .name, .aliases, .description, .country, .founded, .dissolved, .website,
  .wikidata, .datasets, .evidenceSources, .evidenceQuotes, degree: COUNT { (e)--() }
}`;

/** `r` must be bound to a relationship between entities. */
export const RELATIONSHIP_MAP = `r {
  .id, .status, .since, .until, .role, .measure, .instrument, .claim, .description, .dataset,
  .evidenceSources, .evidenceQuotes, type: type(r), from: startNode(r).id, to: endNode(r).id
}`;

/** Binds `r` to the relationship with id `$id` of whatever type, through the per-type indexes. */
export const RELATIONSHIP_BY_ID = `CALL () {
  ${RELATIONSHIP_TYPES.map((type) => `MATCH ()-[r:${relType(type)} {id: $id}]->() RETURN r`).join('\n  UNION ALL\n  ')}
}`;

export const SOURCE_MAP = `s { .id, .title, .url, .publisher, .author, .published, .dataset }`;

type Row = Record<string, unknown>;

function evidence(row: Row): EvidenceRecord[] {
  const sources = (row.evidenceSources as string[] | null) ?? [];
  const quotes = (row.evidenceQuotes as string[] | null) ?? [];
  return sources.map((source, i) => (quotes[i] ? { source, quote: quotes[i] } : { source }));
}

function optional<T>(value: unknown): T | undefined {
  return value === null || value === undefined ? undefined : (value as T);
}

export function toEntity(row: Row): EntityView {
  return {
    id: row.id as string,
    kind: row.kind as EntityKind,
    name: row.name as string,
    aliases: (row.aliases as string[] | null) ?? [],
    description: optional(row.description),
    country: optional(row.country),
    founded: optional(row.founded),
    dissolved: optional(row.dissolved),
    website: optional(row.website),
    wikidata: optional(row.wikidata),
    datasets: (row.datasets as string[] | null) ?? [],
    degree: Number(row.degree ?? 0),
    evidence: evidence(row),
  };
}

export function toRelationship(row: Row): RelationshipView {
  return {
    id: row.id as string,
    type: row.type as RelationshipType,
    from: row.from as string,
    to: row.to as string,
    status: (row.status as RelationshipStatus | null) ?? 'active',
    since: optional(row.since),
    until: optional(row.until),
    role: optional(row.role),
    measure: optional(row.measure),
    instrument: optional(row.instrument),
    claim: optional(row.claim),
    description: optional(row.description),
    dataset: optional(row.dataset),
    evidence: evidence(row),
  };
}

export function toSource(row: Row): SourceView {
  return {
    id: row.id as string,
    title: row.title as string,
    url: optional(row.url),
    publisher: optional(row.publisher),
    author: optional(row.author),
    published: optional(row.published),
    dataset: optional(row.dataset),
  };
}

/**
 * The relationship filter shared by neighbourhoods, paths and entity relationships: `r` of an
 * allowed type and status, valid at `$asOf` (a day, or null for any time).
 */
export const RELATIONSHIP_FILTER = `type(r) IN $types
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf)
                     AND (r.validTo IS NULL OR r.validTo >= $asOf)))`;
