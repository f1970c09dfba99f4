// The GraphQL operations the explorer sends; each selects only what the UI shows.

const ENTITY_SUMMARY = 'id name kind aliases degree country';
// The canvas styles each line by the status in force at the slider's date, and the timeline draws
// each phase: both read the history's dates, not its evidence (fetched with the details).
const RELATIONSHIP_SUMMARY =
  'id type status since until label dataset from { id name kind } to { id name kind } history { status since until }';
const EVIDENCE = 'evidence { quote source { id title url published } }';
const HISTORY = `history { status since until note dataset ${EVIDENCE} }`;
const RELATIONSHIP_DETAIL = `${RELATIONSHIP_SUMMARY} description role measure instrument claim ${EVIDENCE} ${HISTORY}`;

export const ONTOLOGY = `query Ontology {
  ontology {
    kinds { kind label description colour shape }
    relationshipTypes { type label inverseLabel description symmetric colour }
    statuses { status label description colour }
  }
  datasets { id title description license version }
  timeSpan { earliest latest }
}`;

export const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { score entity { ${ENTITY_SUMMARY} } }
}`;

export const NEIGHBORHOOD = `query Neighborhood($ids: [ID!]!) {
  neighborhood(ids: $ids, depth: 1, limit: 200) {
    truncated
    hubs { id total shown byType { type count } }
    nodes { ${ENTITY_SUMMARY} }
    edges { ${RELATIONSHIP_SUMMARY} }
  }
}`;

/** Relationships per page of the details panel: each comes with its evidence and both ends. */
const RELATIONSHIPS_PER_PAGE = 50;

export const RELATIONSHIP = `query Relationship($id: ID!) {
  relationship(id: $id) { ${RELATIONSHIP_DETAIL} }
}`;

export const SUBGRAPH = `query Subgraph($ids: [ID!]!) {
  subgraph(ids: $ids) {
    truncated
    hubs { id total shown byType { type count } }
    nodes { ${ENTITY_SUMMARY} }
    edges { ${RELATIONSHIP_SUMMARY} }
  }
}`;

/** An entity's relationships with both ends in full, so the panel can put any on the canvas. */
const RELATIONSHIP_PAGE = `relationships(first: ${RELATIONSHIPS_PER_PAGE}, after: $after) {
      nodes {
        id type status since until label description role measure instrument claim dataset ${EVIDENCE}
        ${HISTORY}
        from { ${ENTITY_SUMMARY} } to { ${ENTITY_SUMMARY} }
      }
      pageInfo { hasNextPage endCursor }
    }`;

export const ENTITY = `query Entity($id: ID!, $after: String) {
  entity(id: $id) {
    ${ENTITY_SUMMARY} description founded dissolved website wikidata datasets
    ${RELATIONSHIP_PAGE}
  }
}`;

export const MORE_RELATIONSHIPS = `query MoreRelationships($id: ID!, $after: String) {
  entity(id: $id) {
    id
    ${RELATIONSHIP_PAGE}
  }
}`;

export const PATHS = `query Paths($from: ID!, $to: ID!, $asOf: PartialDate) {
  paths(from: $from, to: $to, asOf: $asOf, limit: 3, maxLength: 4) {
    length
    nodes { ${ENTITY_SUMMARY} }
    edges { ${RELATIONSHIP_DETAIL} }
  }
}`;

/** What changed between two dates around the entities on the canvas, in date order. */
export const CHANGES = `query Changes($ids: [ID!], $from: PartialDate!, $to: PartialDate!, $first: Int) {
  changes(ids: $ids, from: $from, to: $to, first: $first) {
    date kind fromStatus toStatus
    relationship { ${RELATIONSHIP_DETAIL} }
  }
}`;
