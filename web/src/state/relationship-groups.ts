// The details panel's views of an entity's relationships: grouped by type or by year, in date
// order, and turned into a subgraph when the user puts some of them on the canvas.

import { comparePartialDates } from '../../../server/src/domain/partial-date.ts';
import type { EntitySummary, Relationship, RelationshipWithEnds, Subgraph } from '../api/types.ts';

type Dated = Pick<Relationship, 'id' | 'since' | 'until'>;

/**
 * Earliest first by `since` (or `until` when only the end is known), a coarser date before a
 * finer one ("2018" before "2018-06"), undated last; ties by id, so the order is stable.
 */
export function byDate(a: Dated, b: Dated): number {
  const [da, db] = [a.since ?? a.until, b.since ?? b.until];
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    const order = comparePartialDates(da, db);
    if (order !== 0) return order;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Relationships grouped by type, in the ontology's order of types, each group in date order. */
export function groupByType<T extends Dated & { type: string }>(
  relationships: readonly T[],
  order: readonly string[],
): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const rel of relationships) groups.set(rel.type, [...(groups.get(rel.type) ?? []), rel]);
  const rank = (type: string) => (order.includes(type) ? order.indexOf(type) : order.length);
  return [...groups.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]))
    .map(([type, rels]) => [type, [...rels].sort(byDate)]);
}

/** The heading of relationships with no date in the year view. */
export const UNDATED = 'Undated';

/**
 * Relationships in one date order, grouped by the year they began (or ended, when only the end
 * is known): an entity's history read from the top. Undated ones come last, in a group of their own.
 */
export function groupByYear<T extends Dated>(relationships: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const rel of [...relationships].sort(byDate)) {
    const year = (rel.since ?? rel.until)?.slice(0, 4) ?? UNDATED;
    groups.set(year, [...(groups.get(year) ?? []), rel]);
  }
  return [...groups.entries()];
}

/** The given relationships with both their ends, ready to merge into the canvas. */
export function relationshipsSubgraph(relationships: readonly RelationshipWithEnds[]): Subgraph {
  const nodes = new Map<string, EntitySummary>();
  for (const rel of relationships) {
    nodes.set(rel.from.id, rel.from);
    nodes.set(rel.to.id, rel.to);
  }
  return { nodes: [...nodes.values()], edges: [...relationships], hubs: [], truncated: false };
}
