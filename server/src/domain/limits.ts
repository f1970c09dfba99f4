/**
 * Limits the API holds requests to and the explorer stays within, defined here once. Others,
 * read by the server alone, stay beside the field they bound.
 */

/** The most entities one `neighborhood` or `subgraph` answer holds, and a `subgraph` asks for. */
export const MAX_SUBGRAPH_IDS = 2000;

/** The most steps a story holds. */
export const MAX_STORY_STEPS = 100;

/** The longest caption (Markdown) a story's step holds, in characters. */
export const MAX_CAPTION_LENGTH = 5000;
