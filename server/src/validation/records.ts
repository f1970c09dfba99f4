import type { z } from 'zod';
import type { PartialDate } from '../domain/partial-date.ts';
import type {
  datasetSchema,
  entitySchema,
  evidenceSchema,
  identifierSchema,
  phaseAdditionSchema,
  phaseSchema,
  relationshipSchema,
  sourceSchema,
  storySchema,
  storyStepSchema,
} from './record-schemas.ts';

/**
 * The plain data shapes shared by the seeder, the repositories and the API: what the record
 * schemas output, so that a field is defined once, in record-schemas.ts. They live beside the
 * schemas rather than in domain/, which stays free of dependencies; domain/ is read by the
 * schemas, never the other way round.
 */

export type DatasetRecord = z.output<typeof datasetSchema>;

export type SourceRecord = z.output<typeof sourceSchema>;

export type EvidenceRecord = z.output<typeof evidenceSchema>;

export type IdentifierRecord = z.output<typeof identifierSchema>;

export type EntityRecord = z.output<typeof entitySchema>;

/** A story as a dataset or the API gives it (see domain/stories.ts). */
export type StoryRecord = z.output<typeof storySchema>;

export type StoryStepRecord = z.output<typeof storyStepSchema>;

/** A stored story: its record, the dataset it belongs to, and its version (a content hash). */
export type StoryView = StoryRecord & { dataset: string; version: string };

/**
 * A change of a relationship's status: what it became, from when, and the evidence for it.
 * See domain/status-history.ts for what a history means.
 */
export type StatusPhaseRecord = z.output<typeof phaseSchema> & {
  /** The dataset that states the phase, when it is not the relationship's own (set when stored). */
  dataset?: string;
};

/** A phase that a dataset adds to a relationship defined by a dataset it requires. */
export type PhaseAdditionRecord = z.output<typeof phaseAdditionSchema> & { dataset?: string };

/** A relationship with its id, given or derived from its ends, type, since and role. */
export type RelationshipRecord = Omit<z.output<typeof relationshipSchema>, 'id' | 'history'> & {
  id: string;
  /** Later changes of status, in date order. */
  history: StatusPhaseRecord[];
};

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
  /** Its stories (a YAML dataset's `stories:`); absent or empty, the dataset has none. */
  stories?: StoryRecord[];
}

/** An entity as the API serves it: the record plus where it came from and how connected it is. */
export type EntityView = EntityRecord & {
  datasets: string[];
  degree: number;
  /** The stored record's content hash: what a curator read, for an update to send back. */
  version?: string;
};

export type RelationshipView = RelationshipRecord & {
  dataset?: string;
  version?: string;
  /** The date the relationship was asked about, if any: its `status` in the API is the one then. */
  asOf?: PartialDate;
};

export type SourceView = SourceRecord & {
  dataset?: string;
  version?: string;
};
