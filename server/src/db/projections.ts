import type { PartialDate } from '../domain/partial-date.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';
import type { RelationshipStatus } from '../domain/statuses.ts';
import { ENTITY_FIELDS, type RecordField, recordFields } from '../validation/record-fields.ts';
import { relationshipSchema, sourceSchema } from '../validation/record-schemas.ts';
import type { EntityView, RelationshipView, SourceView } from '../validation/records.ts';
import { relType } from './identifiers.ts';
import { readFields, readHistory, storedNames } from './stored-records.ts';

/**
 * Cypher map projections shared by the repositories, and the functions that turn their rows
 * into the plain shapes above `db/`. Projections only read; they take no values.
 */

/**
 * The properties of a record's fields, as Cypher map projection items: derived from the record
 * schemas, so a field added there is read back without being listed here.
 */
function propertyItems(fields: readonly RecordField[], extra: readonly string[]): string {
  return [...fields.flatMap(storedNames), ...extra].map((name) => `.${name}`).join(', ');
}

/** The relationship's fields that are stored as they are: not its ends, type and history. */
const RELATIONSHIP_FIELDS = recordFields(relationshipSchema).filter(
  (field) => !['from', 'type', 'to', 'history'].includes(field.name),
);

const SOURCE_FIELDS = recordFields(sourceSchema);

/**
 * How many relationships the entity bound to `variable` has, of any type, valid or not: the
 * degree the API shows and the one hubs are told by. For a dense node (over 50 relationships)
 * Neo4j reads it from the node's relationship groups without touching a relationship.
 */
export const degreeOf = (variable: 'e' | 'x') => `COUNT { (${variable})--() }`;

/** `e` must be bound to an :Entity node. */
export const ENTITY_MAP = `e {
  ${propertyItems(ENTITY_FIELDS, ['datasets'])}, degree: ${degreeOf('e')}, version: e.hash
}`;

/** `r` must be bound to a relationship between entities. */
export const RELATIONSHIP_MAP = `r {
  ${propertyItems(RELATIONSHIP_FIELDS, ['history', 'dataset'])},
  type: type(r), from: startNode(r).id, to: endNode(r).id, version: r.hash
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

export const SOURCE_MAP = `s { ${propertyItems(SOURCE_FIELDS, ['dataset'])}, version: s.hash }`;

type Row = Record<string, unknown>;

function optional<T>(value: unknown): T | undefined {
  return value === null || value === undefined ? undefined : (value as T);
}

export function toEntity(row: Row): EntityView {
  return {
    ...(readFields(ENTITY_FIELDS, row) as Omit<EntityView, 'datasets' | 'degree'>),
    datasets: (row.datasets as string[] | null) ?? [],
    degree: Number(row.degree ?? 0),
    version: optional(row.version),
  };
}

/** `asOf`: the date the relationship was asked about, which decides its status in the API. */
export function toRelationship(row: Row, asOf?: PartialDate | null): RelationshipView {
  const fields = readFields(RELATIONSHIP_FIELDS, row) as Omit<
    RelationshipView,
    'type' | 'from' | 'to' | 'history' | 'asOf'
  >;
  return {
    ...(asOf ? { asOf } : {}),
    ...fields,
    id: row.id as string,
    type: row.type as RelationshipType,
    from: row.from as string,
    to: row.to as string,
    status: (row.status as RelationshipStatus | null) ?? 'active',
    dataset: optional(row.dataset),
    history: readHistory(row.history),
    version: optional(row.version),
  };
}

export function toSource(row: Row): SourceView {
  return {
    ...(readFields(SOURCE_FIELDS, row) as SourceView),
    dataset: optional(row.dataset),
    version: optional(row.version),
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
