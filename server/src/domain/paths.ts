import type { EntityKind } from './entity-kinds.ts';

/** The most paths one `paths` answer holds. */
export const MAX_PATHS = 10;
/** The longest path `paths` looks for, in hops. */
export const MAX_PATH_LENGTH = 6;

/**
 * Kinds that are structural hubs: an entity of these kinds joins thousands of others through
 * seats and memberships ("both are headquartered in the United States"), so a path through one
 * says little. A path that avoids hubs may start or end at one, never pass through one.
 */
export const HUB_KINDS: readonly EntityKind[] = ['Country'];

/**
 * An entity with more relationships than this is a hub too, whatever its kind. It also bounds
 * the search: a path avoiding hubs never fans out through more than this many neighbours at a
 * step (docs/ARCHITECTURE.md, "Paths that avoid hubs").
 */
export const HUB_DEGREE = 500;

/**
 * The degrees a caller may name. Below 2 no entity could be passed through (one relationship
 * in, one out); above the maximum, leave the degree test out instead.
 */
export const HUB_DEGREE_MIN = 2;
export const HUB_DEGREE_MAX = 1_000_000;
