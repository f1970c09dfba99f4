import { firstDay, lastDay } from '../domain/partial-date.ts';
import type {
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
  StatusPhaseRecord,
} from '../domain/records.ts';
import { stableHash } from '../domain/relationship-id.ts';
import { sortPhases } from '../domain/status-history.ts';

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

/** Empty lists are left out: an absent property reads back as [] and costs no array record. */
function evidenceProps(evidence: readonly EvidenceRecord[]): Props {
  if (evidence.length === 0) return {};
  return {
    evidenceSources: evidence.map((item) => item.source),
    evidenceQuotes: evidence.map((item) => item.quote ?? ''),
  };
}

/** Validity days of an entity: as-of answers leave out one founded after or dissolved before. */
export function storedEntity(entity: EntityRecord, datasets: readonly string[]): Props {
  const { evidence, aliases, ...rest } = entity;
  return withHash({
    ...rest,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...evidenceProps(evidence),
    validFrom: entity.founded ? firstDay(entity.founded) : undefined,
    validTo: entity.dissolved ? lastDay(entity.dissolved) : undefined,
    datasets: [...datasets],
  });
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
