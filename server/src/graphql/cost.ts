// What a field costs a query: one per field, times how many objects a list can hold. A list's
// size comes from the argument that bounds it (`first`, `limit`, `ids`), read with the request's
// variables and defaults, so `first: $n` and an omitted `first` are priced as what they return.

/** The most items one page of a list (`first`) may hold. */
export const MAX_PAGE = 100;

/** Fields that run a query of their own for every parent object. */
export const PER_PARENT_QUERY = 10;

/** A list whose size the parent field already counted (a page, a subgraph, a path). */
export const COUNTED_BY_PARENT = { field: 1, multiplier: 1 };

/** Evidence and sources: a few per entity or relationship, not a page. */
export const EVIDENCE_LIST = { field: 1, multiplier: 3 };

/** A size argument as the resolver will use it: whole, within [1, max]. */
export function sizeOf(value: unknown, fallback: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.min(Math.max(n, 1), max);
}
