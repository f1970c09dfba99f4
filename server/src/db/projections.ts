import type { EntityKind } from '../domain/entity-kinds.ts';
import type { PartialDate } from '../domain/partial-date.ts';
import type {
  EntityView,
  EvidenceRecord,
  RelationshipView,
  SourceView,
} from '../domain/records.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';
import type { RelationshipStatus } from '../domain/statuses.ts';
import { relType } from './identifiers.ts';
import { readHistory } from './stored-records.ts';

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
  .evidenceSources, .evidenceQuotes, .history, type: type(r), from: startNode(r).id, to: endNode(r).id
}`;

/**
 * The body of a subquery that returns as `r` the relationship whose id is `id` (a parameter or
 * an imported variable, never input) of whatever type, through the per-type indexes.
 */
export function relationshipByIdUnion(id: '$id' | 'id'): string {
  return RELATIONSHIP_TYPES.map(
    (type) => `MATCH ()-[r:${relType(type)} {id: ${id}}]->() RETURN r`,
  ).join('\n  UNION ALL\n  ');
}

/** Binds `r` to the relationship with id `$id` of whatever type. */
export const RELATIONSHIP_BY_ID = `CALL () {
  ${relationshipByIdUnion('$id')}
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

/** `asOf`: the date the relationship was asked about, which decides its status in the API. */
export function toRelationship(row: Row, asOf?: PartialDate | null): RelationshipView {
  return {
    ...(asOf ? { asOf } : {}),
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
    history: readHistory(row.history),
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
 * The status of `r` in force at `$asOf` (a day), or its latest without one: domain/status-history.ts
 * `statusAt`, in Cypher. A relationship without a history is in its own status all along.
 */
export const STATUS_IN_FORCE = `CASE
    WHEN r.phaseDays IS NULL THEN r.status
    WHEN $asOf IS NULL THEN last(r.phaseStatuses)
    ELSE coalesce(last([i IN range(0, size(r.phaseDays) - 1) WHERE r.phaseDays[i] <= $asOf | r.phaseStatuses[i]]), r.status)
  END`;

/**
 * The relationship filter shared by neighbourhoods, paths and entity relationships: `r` of an
 * allowed type, valid at `$asOf` (a day, or null for any time) and in an allowed status then.
 */
export const RELATIONSHIP_FILTER = `type(r) IN $types
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf)
                     AND (r.validTo IS NULL OR r.validTo >= $asOf)))
  AND ($statuses IS NULL OR ${STATUS_IN_FORCE} IN $statuses)`;

/** An entity bound to `variable` exists at `$asOf`: not founded after it nor dissolved before it. */
export const entityExists = (variable: 'n' | 'o' | 'x') => `($asOf IS NULL OR
  ((${variable}.validFrom IS NULL OR ${variable}.validFrom <= $asOf) AND (${variable}.validTo IS NULL OR ${variable}.validTo >= $asOf)))`;
