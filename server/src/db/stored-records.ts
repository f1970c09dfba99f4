import { nameKey, nameKeys } from '../domain/name-matching.ts';
import { firstDay, lastDay } from '../domain/partial-date.ts';
import { stableHash } from '../domain/relationship-id.ts';
import { sortPhases } from '../domain/status-history.ts';
import { ENTITY_FIELDS, type RecordField } from '../validation/record-fields.ts';
import type {
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
  StatusPhaseRecord,
} from '../validation/records.ts';

/**
 * How records are stored in Neo4j, shared by the seeder and the curator's mutations so both
 * write the same properties and the same content hash: a record written by one and then by
 * the other, unchanged, is reported unchanged.
 */

export type Props = Record<string, unknown>;

/** Drops absent values (Neo4j stores no nulls) and adds a hash of the content. */
function withHash(props: Props): Props {
  const clean = Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== undefined && value !== null),
  );
  // Sorted keys: the hash depends on the content only, not on the order fields were given in.
  const hash = stableHash(JSON.stringify(clean, Object.keys(clean).sort()));
  return { ...clean, hash };
}

/**
 * The stored list that holds `key` of each item of a list of records: evidence.source is kept
 * in `evidenceSources`, identifiers.scheme in `identifierSchemes`.
 */
export function parallelProperty(field: string, key: string): string {
  return `${field.replace(/s$/, '')}${key.charAt(0).toUpperCase()}${key.slice(1)}s`;
}

/** The properties a field is stored in: one, or one per key of a list of records. */
export function storedNames(field: RecordField): string[] {
  return field.kind === 'records'
    ? (field.of ?? []).map((key) => parallelProperty(field.name, key.name))
    : [field.name];
}

/**
 * Neo4j stores no maps in properties, so a list of records is stored as parallel lists, one per
 * key, '' for an absent value. Empty lists are left out: an absent property reads back as []
 * (or as no value) and costs no array record.
 */
function recordListProps(field: RecordField, items: unknown): Props {
  if (!Array.isArray(items) || items.length === 0) return {};
  return Object.fromEntries(
    (field.of ?? []).map((key) => [
      parallelProperty(field.name, key.name),
      items.map((item) => (item as Props)[key.name] ?? ''),
    ]),
  );
}

function readRecordList(field: RecordField, row: Props): Props[] | undefined {
  const keys = field.of ?? [];
  const lists = keys.map((key) => (row[parallelProperty(field.name, key.name)] as unknown[]) ?? []);
  const items = (lists[0] ?? []).map((_, i) =>
    Object.fromEntries(
      keys.flatMap((key, k) => {
        const value = lists[k]?.[i];
        return value === '' || value === null || value === undefined ? [] : [[key.name, value]];
      }),
    ),
  );
  return items.length > 0 || field.defaultsToEmpty ? items : undefined;
}

/** A record's fields as stored properties: `undefined` for what is absent (withHash drops it). */
export function fieldProps(fields: readonly RecordField[], record: object): Props {
  const values = record as Props;
  return Object.assign(
    {},
    ...fields.map((field) => {
      const value = values[field.name];
      if (field.kind === 'records') return recordListProps(field, value);
      if (field.kind === 'texts' && Array.isArray(value) && value.length === 0) return {};
      return { [field.name]: value };
    }),
  );
}

/** The fields read back from the properties `fieldProps` stored (as a projection returns them). */
export function readFields(fields: readonly RecordField[], row: Props): Props {
  return Object.fromEntries(
    fields.map((field) => {
      if (field.kind === 'records') return [field.name, readRecordList(field, row)];
      const value = row[field.name];
      if (value === null || value === undefined) {
        return [field.name, field.defaultsToEmpty ? [] : undefined];
      }
      return [field.name, field.kind === 'int' ? Number(value) : value];
    }),
  );
}

const EVIDENCE_FIELD = ENTITY_FIELDS.find((field) => field.name === 'evidence') as RecordField;

function evidenceProps(evidence: readonly EvidenceRecord[]): Props {
  return recordListProps(EVIDENCE_FIELD, evidence);
}

/**
 * The keys duplicates are found by (domain/name-matching.ts): `nameKey` of the name, for the
 * range index the whole-graph list walks, and `nameKeys` of the name and aliases, for the
 * keyword index candidates are looked up in. Derived from the name and aliases, so they are
 * left out of the hash: a record's `version` is its content's.
 */
export function nameKeyProps(entity: Pick<EntityRecord, 'name' | 'aliases'>): Props {
  const keys = nameKeys(entity.name, entity.aliases);
  const key = nameKey(entity.name);
  return key ? { nameKey: key, nameKeys: keys } : keys.length > 0 ? { nameKeys: keys } : {};
}

/** Validity days of an entity: as-of answers leave out one founded after or dissolved before. */
export function storedEntity(entity: EntityRecord, datasets: readonly string[]): Props {
  return {
    ...withHash({
      ...fieldProps(ENTITY_FIELDS, entity),
      validFrom: entity.founded ? firstDay(entity.founded) : undefined,
      validTo: entity.dissolved ? lastDay(entity.dissolved) : undefined,
      datasets: [...datasets],
    }),
    ...nameKeyProps(entity),
  };
}

/** A phase with its keys in one order, so the same phase always stores (and hashes) the same. */
function canonicalPhase(phase: StatusPhaseRecord): StatusPhaseRecord {
  return {
    status: phase.status,
    since: phase.since,
    note: phase.note,
    evidence: phase.evidence.map((item) => ({ source: item.source, quote: item.quote })),
    dataset: phase.dataset,
  };
}

/**
 * A history is stored whole as JSON (`history`, read back by the projections) and, for Cypher,
 * as parallel lists: the first day of each phase and its status (STATUS_IN_FORCE reads them).
 * No history, no properties: the nulls remove them when a history is rewritten.
 */
export function historyProps(history: readonly StatusPhaseRecord[]): Props {
  if (history.length === 0) {
    return { history: null, phaseDays: null, phaseStatuses: null };
  }
  const phases = sortPhases(history).map(canonicalPhase);
  return {
    history: JSON.stringify(phases),
    phaseDays: phases.map((phase) => firstDay(phase.since)),
    phaseStatuses: phases.map((phase) => phase.status),
  };
}

/** The phases a stored `history` holds, each credited to its dataset. */
export function readHistory(stored: unknown): StatusPhaseRecord[] {
  if (typeof stored !== 'string') return [];
  return (JSON.parse(stored) as StatusPhaseRecord[]).map((phase) => ({
    ...phase,
    evidence: phase.evidence.map((item) => (item.quote ? item : { source: item.source })),
  }));
}

/**
 * Ends and type are the relationship itself, not properties; validity days are derived. Its
 * own phases are credited to its dataset.
 */
export function storedRelationship(rel: RelationshipRecord, dataset: string): Props {
  const { evidence, history, from: _from, to: _to, type: _type, ...rest } = rel;
  return withHash({
    ...rest,
    ...evidenceProps(evidence),
    ...historyProps(history.map((phase) => ({ ...phase, dataset: phase.dataset ?? dataset }))),
    validFrom: rel.since ? firstDay(rel.since) : undefined,
    validTo: rel.until ? lastDay(rel.until) : undefined,
    dataset,
  });
}

/**
 * A relationship's stored properties with the phases other datasets added to it kept: what
 * its own dataset (or a curator) writes replaces only the phases of that dataset. The hash
 * stays the record's own.
 */
export function keepAddedPhases(props: Props, stored: unknown): Props {
  const owner = props.dataset as string;
  const added = readHistory(stored).filter((phase) => phase.dataset !== owner);
  if (added.length === 0) return props;
  return { ...props, ...historyProps([...readHistory(props.history), ...added]) };
}

export function storedSource(source: SourceRecord, dataset: string): Props {
  return withHash({ ...source, dataset });
}

export function storedDataset(dataset: { id: string } & Props): Props {
  return withHash({ ...dataset });
}
