// Shapes of the API's answers, as the documents in documents.ts select them.

export interface KindInfo {
  kind: string;
  label: string;
  description: string;
  colour: string;
  shape: string;
}

export interface RelationshipTypeInfo {
  type: string;
  label: string;
  inverseLabel: string;
  description: string;
  symmetric: boolean;
  colour: string;
}

export interface StatusInfo {
  status: string;
  label: string;
  description: string;
  /** The status's colour on the timeline. */
  colour: string;
}

export interface DatasetInfo {
  id: string;
  title: string;
  description: string | null;
  license: string | null;
  version: number | null;
}

/** The dates the data holds, earliest and latest; null when it holds none. */
export interface TimeSpan {
  earliest: string | null;
  latest: string | null;
}

/**
 * What the explorer shows its data with: the ontology, and the datasets loaded and the dates
 * they span (fetched with it).
 */
export interface Ontology {
  kinds: KindInfo[];
  relationshipTypes: RelationshipTypeInfo[];
  statuses: StatusInfo[];
  datasets: DatasetInfo[];
  timeSpan: TimeSpan;
}

export interface EntityRef {
  id: string;
  name: string;
  kind: string;
}

export interface EntitySummary extends EntityRef {
  aliases: string[];
  degree: number;
  country: string | null;
}

export interface Source {
  id: string;
  title: string;
  url: string | null;
  published: string | null;
}

export interface Evidence {
  quote: string | null;
  source: Source;
}

/** One stretch of a relationship's life in one status; `until` is the next one's start. */
export interface PhaseSpan {
  status: string;
  since: string | null;
  until: string | null;
}

/** A phase with what the sources say of it. */
export interface StatusPhase extends PhaseSpan {
  note: string | null;
  evidence: Evidence[];
  dataset: string | null;
}

export interface Relationship {
  id: string;
  type: string;
  /** The status in force at the request's as-of date; the latest without one. */
  status: string;
  since: string | null;
  until: string | null;
  label: string;
  from: EntityRef;
  to: EntityRef;
  dataset: string | null;
  /** The whole history, first phase first: the status it began in, from `since`. */
  history: PhaseSpan[];
}

export interface RelationshipDetail extends Relationship {
  description: string | null;
  role: string | null;
  /** What was done, e.g. a ban (RESTRICTS). */
  measure: string | null;
  /** The act that did it, e.g. a directive. */
  instrument: string | null;
  claim: string | null;
  evidence: Evidence[];
  history: StatusPhase[];
}

export interface Hub {
  id: string;
  total: number;
  shown: number;
  byType: { type: string; count: number }[];
}

export interface Subgraph {
  nodes: EntitySummary[];
  edges: Relationship[];
  hubs: Hub[];
  truncated: boolean;
}

export interface SearchHit {
  score: number;
  entity: EntitySummary;
}

export interface EntityDetail extends EntitySummary {
  description: string | null;
  founded: string | null;
  dissolved: string | null;
  website: string | null;
  wikidata: string | null;
  datasets: string[];
}

/** A relationship as the details panel reads it: both ends as the canvas draws them. */
export interface RelationshipWithEnds extends RelationshipDetail {
  from: EntitySummary;
  to: EntitySummary;
}

/** One page of an entity's relationships, and where the next one starts. */
export interface RelationshipPage {
  relationships: RelationshipWithEnds[];
  /** The cursor of the next page; null when this was the last. */
  next: string | null;
}

/** An entity with the first page of its relationships. */
export interface EntityDetails extends RelationshipPage {
  entity: EntityDetail;
}

export interface Path {
  length: number;
  nodes: EntitySummary[];
  edges: RelationshipDetail[];
}

export type ChangeKind = 'STARTED' | 'ENDED' | 'STATUS_CHANGED';

/** Something that happened to a relationship between two dates. */
export interface Change {
  date: string;
  kind: ChangeKind;
  fromStatus: string | null;
  toStatus: string | null;
  relationship: RelationshipDetail;
}
