/**
 * Limits the API holds requests to and the explorer stays within, defined here once. Others,
 * read by the server alone, stay beside the field they bound.
 */

/** The most entities one `neighborhood` or `subgraph` answer holds, and a `subgraph` asks for. */
export const MAX_SUBGRAPH_IDS = 2000;
