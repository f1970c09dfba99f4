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

export interface RelationshipRecord {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  status: RelationshipStatus;
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
}

/** An entity as the API serves it: the record plus where it came from and how connected it is. */
export interface EntityView extends EntityRecord {
  datasets: string[];
  degree: number;
}

export interface RelationshipView extends RelationshipRecord {
  dataset?: string;
}

export interface SourceView extends SourceRecord {
  dataset?: string;
}
