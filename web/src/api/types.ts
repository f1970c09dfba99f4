// Names for the shapes the documents select, read from them (and so from the schema); only the
// explorer's own groupings of them are written here.
import type { ResultOf } from 'gql.tada';
import type {
  CHANGES,
  ENTITY,
  EXPORT_RECORDS,
  NEIGHBORHOOD,
  ONTOLOGY,
  PATHS,
  SEARCH,
} from './documents.ts';
import type {
  ENTITY_SUMMARY,
  EVIDENCE,
  RELATIONSHIP_DETAIL,
  RELATIONSHIP_SUMMARY,
  STATUS_PHASE,
} from './fragments.ts';

type OntologyAnswer = ResultOf<typeof ONTOLOGY>;

export type KindInfo = OntologyAnswer['ontology']['kinds'][number];
export type EntityKind = KindInfo['kind'];
export type RelationshipTypeInfo = OntologyAnswer['ontology']['relationshipTypes'][number];
export type RelationshipType = RelationshipTypeInfo['type'];
export type StatusInfo = OntologyAnswer['ontology']['statuses'][number];
export type RelationshipStatus = StatusInfo['status'];
export type DatasetInfo = OntologyAnswer['datasets'][number];
/** The dates the data holds, earliest and latest; null when it holds none. */
export type TimeSpan = OntologyAnswer['timeSpan'];

/**
 * What the explorer shows its data with: the ontology, and the datasets loaded and the dates
 * they span (fetched with it).
 */
export type Ontology = OntologyAnswer['ontology'] & {
  datasets: DatasetInfo[];
  timeSpan: TimeSpan;
};

export type EntitySummary = ResultOf<typeof ENTITY_SUMMARY>;
export type EntityRef = Pick<EntitySummary, 'id' | 'name' | 'kind'>;
export type Evidence = ResultOf<typeof EVIDENCE>;

/** A relationship as the canvas draws it; `status` is the one in force at the as-of date. */
export type Relationship = ResultOf<typeof RELATIONSHIP_SUMMARY>;
/** One stretch of a relationship's life in one status; `until` is the next one's start. */
export type PhaseSpan = Relationship['history'][number];
/** A phase with what the sources say of it. */
export type StatusPhase = ResultOf<typeof STATUS_PHASE>;
export type RelationshipDetail = ResultOf<typeof RELATIONSHIP_DETAIL>;

export type Subgraph = ResultOf<typeof NEIGHBORHOOD>['neighborhood'];
export type Hub = Subgraph['hubs'][number];
/** The records of the canvas, as its exports write them. */
export type ExportRecords = ResultOf<typeof EXPORT_RECORDS>['subgraph'];
export type SearchHit = ResultOf<typeof SEARCH>['search'][number];

type EntityAnswer = NonNullable<ResultOf<typeof ENTITY>['entity']>;
export type EntityDetail = Omit<EntityAnswer, 'relationships'>;
/** A relationship as the details panel reads it: both ends as the canvas draws them. */
export type RelationshipWithEnds = EntityAnswer['relationships']['nodes'][number];

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

export type Path = ResultOf<typeof PATHS>['paths'][number];
/** Something that happened to a relationship between two dates. */
export type Change = ResultOf<typeof CHANGES>['changes'][number];
export type ChangeKind = Change['kind'];
