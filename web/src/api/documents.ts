// The GraphQL operations the explorer sends; each selects only what the UI shows. `npm run lint`
// checks every one against server/schema.graphql (`gql.tada check`).
import {
  ENTITY_SUMMARY,
  EVIDENCE,
  RELATIONSHIP_DETAIL,
  RELATIONSHIP_PAGE,
  RELATIONSHIP_SUMMARY,
  SUBGRAPH_PARTS,
} from './fragments.ts';
import { graphql } from './graphql.ts';

export const ONTOLOGY = graphql(`
  query Ontology {
    ontology {
      kinds { kind label description colour shape }
      relationshipTypes { type label inverseLabel description symmetric colour }
      statuses { status label description colour }
    }
    datasets { id title description license version }
    timeSpan { earliest latest }
  }
`);

export const SEARCH = graphql(
  `
  query Search($text: String!, $first: Int) {
    search(text: $text, first: $first) { score entity { ...EntitySummary } }
  }
`,
  [ENTITY_SUMMARY],
);

export const NEIGHBORHOOD = graphql(
  `
  query Neighborhood($ids: [ID!]!) {
    neighborhood(ids: $ids, depth: 1, limit: 200) { ...SubgraphParts }
  }
`,
  [SUBGRAPH_PARTS],
);

export const RELATIONSHIP = graphql(
  `
  query Relationship($id: ID!) {
    relationship(id: $id) { ...RelationshipDetail }
  }
`,
  [RELATIONSHIP_DETAIL],
);

export const SUBGRAPH = graphql(
  `
  query Subgraph($ids: [ID!]!) {
    subgraph(ids: $ids) { ...SubgraphParts }
  }
`,
  [SUBGRAPH_PARTS],
);

export const ENTITY = graphql(
  `
  query Entity($id: ID!, $after: String) {
    entity(id: $id) {
      ...EntitySummary
      description founded dissolved website wikidata datasets
      identifiers { scheme value }
      ...RelationshipPage
    }
  }
`,
  [ENTITY_SUMMARY, RELATIONSHIP_PAGE],
);

export const MORE_RELATIONSHIPS = graphql(
  `
  query MoreRelationships($id: ID!, $after: String) {
    entity(id: $id) { id ...RelationshipPage }
  }
`,
  [RELATIONSHIP_PAGE],
);

export const PATHS = graphql(
  `
  query Paths($from: ID!, $to: ID!, $asOf: PartialDate, $avoid: PathAvoidInput) {
    paths(from: $from, to: $to, asOf: $asOf, avoid: $avoid, limit: 3, maxLength: 4) {
      length
      nodes { ...EntitySummary }
      edges { ...RelationshipDetail }
    }
  }
`,
  [ENTITY_SUMMARY, RELATIONSHIP_DETAIL],
);

/** What changed between two dates around the entities on the canvas, in date order. */
export const CHANGES = graphql(
  `
  query Changes($ids: [ID!], $from: PartialDate!, $to: PartialDate!, $first: Int) {
    changes(ids: $ids, from: $from, to: $to, first: $first) {
      date kind fromStatus toStatus
      relationship { ...RelationshipDetail }
    }
  }
`,
  [RELATIONSHIP_DETAIL],
);

/** Records as the datasets give them, for the canvas's exports: each field, evidence and phase. */
export const EXPORT_RECORDS = graphql(`
  query ExportRecords($ids: [ID!]!) {
    subgraph(ids: $ids) {
      nodes {
        id kind name aliases country founded dissolved description website wikidata
        identifiers { scheme value }
        evidence { quote source { id title url published publisher { id } author { id } } }
      }
      edges {
        id type since until role measure instrument claim description
        from { id } to { id }
        evidence { quote source { id title url published publisher { id } author { id } } }
        history {
          status since note
          evidence { quote source { id title url published publisher { id } author { id } } }
        }
      }
    }
  }
`);

// --- Curation: signed-in editors' reads and writes.

export const VIEWER = graphql(`
  query Viewer { viewer { role editor } }
`);

/** An entity as a dataset gives it, with its version: what an edit starts from and sends back. */
export const ENTITY_RECORD = graphql(`
  query EntityRecord($id: ID!) {
    entity(id: $id) {
      id kind name aliases country founded dissolved description website wikidata version
      identifiers { scheme value }
      evidence { quote source { id } }
    }
  }
`);

export const UPSERT_ENTITY = graphql(
  `
  mutation UpsertEntity($input: UpsertEntityInput!, $expectedVersion: String, $comment: String) {
    upsertEntity(input: $input, expectedVersion: $expectedVersion, comment: $comment) {
      ...EntitySummary
    }
  }
`,
  [ENTITY_SUMMARY],
);

export const REVISIONS = graphql(`
  query Revisions($id: ID!) {
    revisions(id: $id, first: 50) {
      nodes { id change action editor at comment changes { field before after } }
      pageInfo { hasNextPage }
    }
  }
`);

export const REVERT_RECORD = graphql(`
  mutation RevertRecord($revision: ID!) {
    revertRecord(revision: $revision) { id }
  }
`);

/** A relationship as a dataset gives it, with its version: what a date edit starts from. */
export const RELATIONSHIP_RECORD = graphql(`
  query RelationshipRecord($id: ID!) {
    relationship(id: $id) {
      id type since until status role measure instrument claim description version dataset
      from { id } to { id }
      evidence { quote source { id } }
      history { status since note dataset evidence { quote source { id } } }
    }
  }
`);

export const UPSERT_RELATIONSHIP = graphql(
  `
  mutation UpsertRelationship($input: UpsertRelationshipInput!, $expectedVersion: String, $comment: String) {
    upsertRelationship(input: $input, expectedVersion: $expectedVersion, comment: $comment) {
      ...RelationshipSummary
    }
  }
`,
  [RELATIONSHIP_SUMMARY],
);

export const UPSERT_SOURCE = graphql(`
  mutation UpsertSource($input: UpsertSourceInput!, $expectedVersion: String) {
    upsertSource(input: $input, expectedVersion: $expectedVersion) { id title }
  }
`);

export const DELETE_ENTITY = graphql(`
  mutation DeleteEntity($id: ID!, $expectedVersion: String, $comment: String) {
    deleteEntity(id: $id, expectedVersion: $expectedVersion, comment: $comment)
  }
`);

/** Sources to cite, found by title, id or URL. */
export const SOURCES = graphql(`
  query Sources($text: String!) {
    sources(text: $text, first: 10) { id title url published }
  }
`);

export const DUPLICATE_CANDIDATES = graphql(
  `
  query DuplicateCandidates($id: ID!) {
    duplicateCandidates(id: $id, first: 10) {
      score reasons certain
      entity { ...EntitySummary }
    }
  }
`,
  [ENTITY_SUMMARY],
);

/** What a merge would do, with both records' versions to merge exactly what was previewed. */
export const MERGE_PREVIEW = graphql(
  `
  query MergePreview($keep: ID!, $drop: ID!) {
    mergePreview(keep: $keep, drop: $drop) {
      keep { ...EntitySummary version }
      drop { ...EntitySummary version }
      aliases moving sources
      moved { id label from { name } to { name } }
      removed { id label from { name } to { name } }
    }
  }
`,
  [ENTITY_SUMMARY],
);

export const MERGE_ENTITIES = graphql(
  `
  mutation MergeEntities($keep: ID!, $drop: ID!, $keepVersion: String, $dropVersion: String, $comment: String) {
    mergeEntities(keep: $keep, drop: $drop, keepVersion: $keepVersion, dropVersion: $dropVersion, comment: $comment) {
      ...EntitySummary
    }
  }
`,
  [ENTITY_SUMMARY],
);

export const REVERT_CHANGE = graphql(`
  mutation RevertChange($change: ID!) {
    revertChange(change: $change) { id recordId recordKind after }
  }
`);

export const STORY_PARTS = graphql(
  `
  fragment StoryParts on Story {
    id title summary dataset version
    steps {
      title caption asOf entities highlight selected
      positions { entity x y }
      evidence { ...EvidenceItem }
    }
  }
`,
  [EVIDENCE],
);

export const STORIES = graphql(`
  query Stories {
    stories { id title summary dataset steps { title } }
  }
`);

export const STORY = graphql(
  `
  query Story($id: ID!) {
    story(id: $id) { ...StoryParts }
  }
`,
  [STORY_PARTS],
);

export const SAVE_STORY = graphql(
  `
  mutation SaveStory($input: SaveStoryInput!, $expectedVersion: String) {
    saveStory(input: $input, expectedVersion: $expectedVersion) { ...StoryParts }
  }
`,
  [STORY_PARTS],
);

export const DELETE_STORY = graphql(`
  mutation DeleteStory($id: ID!, $expectedVersion: String) {
    deleteStory(id: $id, expectedVersion: $expectedVersion)
  }
`);
