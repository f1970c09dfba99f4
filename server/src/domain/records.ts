import type { EntityKind } from './entity-kinds.ts';
import type { PartialDate } from './partial-date.ts';
import type { RelationshipType } from './relationship-types.ts';
import type { RelationshipStatus } from './statuses.ts';

/** The plain data shapes shared by the seeder, the repositories and the API. */

export interface DatasetRecord {
  id: string;
  title: string;
  description?: string;
  license?: string;
  version?: number;
  /** Datasets whose entities and sources this one references. */
  requires: string[];
}

export interface SourceRecord {
  id: string;
  title: string;
  url?: string;
  /** Entity id of the publisher. */
  publisher?: string;
  /** Entity id of the author. */
  author?: string;
  published?: PartialDate;
}

export interface EvidenceRecord {
  source: string;
  quote?: string;
}

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  founded?: PartialDate;
  dissolved?: PartialDate;
  website?: string;
  wikidata?: string;
  evidence: EvidenceRecord[];
}

/**
 * A change of a relationship's status: what it became, from when, and the evidence for it.
 * See domain/status-history.ts for what a history means.
 */
export interface StatusPhaseRecord {
  status: RelationshipStatus;
  /** The day (month, year) the phase began; it lasts until the next phase or the relationship's end. */
  since: PartialDate;
  note?: string;
  evidence: EvidenceRecord[];
  /** The dataset that states the phase, when it is not the relationship's own (set when stored). */
  dataset?: string;
}

/** A phase that a dataset adds to a relationship defined by a dataset it requires. */
export interface PhaseAdditionRecord extends StatusPhaseRecord {
  /** The id of the relationship the phase belongs to. */
  relationship: string;
}

export interface RelationshipRecord {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  /** The status from `since` until the first phase of `history` (the whole time when it has none). */
  status: RelationshipStatus;
  /** Later changes of status, in date order. */
  history: StatusPhaseRecord[];
  since?: PartialDate;
  until?: PartialDate;
  role?: string;
  measure?: string;
  instrument?: string;
  claim?: string;
  description?: string;
  evidence: EvidenceRecord[];
}

/** Where a record was read: for messages as `file:line:col`. */
export interface Origin {
  file: string;
  line: number;
  col: number;
}

export interface DatasetContent {
  dataset: DatasetRecord;
  sources: SourceRecord[];
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  /** Phases this dataset adds to relationships of the datasets it requires. */
  phases: PhaseAdditionRecord[];
}

/** An entity as the API serves it: the record plus where it came from and how connected it is. */
export interface EntityView extends EntityRecord {
  datasets: string[];
  degree: number;
}

export interface RelationshipView extends RelationshipRecord {
  dataset?: string;
  /** The date the relationship was asked about, if any: its `status` in the API is the one then. */
  asOf?: PartialDate;
}

export interface SourceView extends SourceRecord {
  dataset?: string;
}
