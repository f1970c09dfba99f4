// The selections the explorer's operations (documents.ts) share, as GraphQL fragments.
import { graphql } from './graphql.ts';

export const ENTITY_SUMMARY = graphql(`
  fragment EntitySummary on Entity { id name kind aliases degree country }
`);

/**
 * What every view reads of a relationship. Its ends and its history are selected beside it, once
 * each, as each view needs them.
 */
const RELATIONSHIP_CORE = graphql(`
  fragment RelationshipCore on Relationship { id type status since until label dataset }
`);

export const EVIDENCE = graphql(`
  fragment EvidenceItem on Evidence { quote source { id title url published } }
`);

export const STATUS_PHASE = graphql(
  `
  fragment StatusPhaseDetail on StatusPhase {
    status since until note dataset
    evidence { ...EvidenceItem }
  }
`,
  [EVIDENCE],
);

// The canvas styles each line by the status in force at the slider's date, and the timeline draws
// each phase: both read the history's dates, not its evidence (fetched with the details).
export const RELATIONSHIP_SUMMARY = graphql(
  `
  fragment RelationshipSummary on Relationship {
    ...RelationshipCore
    from { id name kind }
    to { id name kind }
    history { status since until }
  }
`,
  [RELATIONSHIP_CORE],
);

/** A relationship with its facts, evidence and each phase's evidence, without its ends. */
const RELATIONSHIP_FACTS = graphql(
  `
  fragment RelationshipFacts on Relationship {
    ...RelationshipCore
    description role measure instrument claim
    evidence { ...EvidenceItem }
    history { ...StatusPhaseDetail }
  }
`,
  [RELATIONSHIP_CORE, EVIDENCE, STATUS_PHASE],
);

export const RELATIONSHIP_DETAIL = graphql(
  `
  fragment RelationshipDetail on Relationship {
    ...RelationshipFacts
    from { id name kind }
    to { id name kind }
  }
`,
  [RELATIONSHIP_FACTS],
);

/**
 * One page of an entity's relationships (50: each comes with its evidence), with both ends in
 * full so the panel can put any on the canvas.
 */
export const RELATIONSHIP_PAGE = graphql(
  `
  fragment RelationshipPage on Entity {
    relationships(first: 50, after: $after) {
      nodes {
        ...RelationshipFacts
        from { ...EntitySummary }
        to { ...EntitySummary }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [RELATIONSHIP_FACTS, ENTITY_SUMMARY],
);

export const SUBGRAPH_PARTS = graphql(
  `
  fragment SubgraphParts on Subgraph {
    truncated
    hubs { id total shown byType { type count } }
    nodes { ...EntitySummary }
    edges { ...RelationshipSummary }
  }
`,
  [ENTITY_SUMMARY, RELATIONSHIP_SUMMARY],
);
