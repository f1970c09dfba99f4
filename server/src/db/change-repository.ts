import { firstDay, type PartialDate } from '../domain/partial-date.ts';
import type { RelationshipType } from '../domain/relationship-types.ts';
import {
  CHANGE_KINDS,
  type Change,
  changeDay,
  changesBetween,
  type TimeSpan,
} from '../domain/status-history.ts';
import type { RelationshipView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { filterParams } from './filters.ts';
import { RELATIONSHIP_MAP, toRelationship } from './projections.ts';

export interface ChangeQuery {
  /** Only relationships of these entities; all relationships when null. */
  ids: readonly string[] | null;
  from: PartialDate;
  to: PartialDate;
  types?: readonly RelationshipType[] | null;
  first: number;
}

export interface ChangeRow extends Change {
  relationship: RelationshipView;
}

/**
 * The first day after `$from` and up to `$to` on which `r` changed, or null: the Cypher form of
 * changesBetween's three cases (started, a phase began, ended), used to pick and order the
 * relationships before their changes are worked out by the domain.
 */
const FIRST_CHANGE_DAY = `reduce(first = null, day IN [
    CASE WHEN r.validFrom > $from AND r.validFrom <= $to THEN r.validFrom END,
    head([d IN coalesce(r.phaseDays, []) WHERE d > $from AND d <= $to]),
    CASE WHEN r.validTo >= $from AND r.validTo < $to THEN r.validTo END
  ] | CASE WHEN day IS NULL THEN first WHEN first IS NULL OR day < first THEN day ELSE first END)`;

const changesCypher = (scoped: boolean) => `
${
  scoped
    ? `MATCH (e:Entity) WHERE e.id IN $ids
MATCH (e)-[r]-(:Entity) WHERE type(r) IN $types
WITH DISTINCT r`
    : 'MATCH ()-[r]->() WHERE type(r) IN $types'
}
WITH r, ${FIRST_CHANGE_DAY} AS day
WHERE day IS NOT NULL
ORDER BY day, r.id
LIMIT $first
RETURN ${RELATIONSHIP_MAP} AS rel`;

const KIND_ORDER = new Map(CHANGE_KINDS.map((kind, i) => [kind, i]));

/**
 * What changed between two dates, in date order: the first `first` changes. The relationships
 * with the earliest changes are picked in Cypher (the first `first` changes can only come from
 * the first `first` such relationships), their changes worked out by the domain.
 */
export async function findChanges(db: Database, query: ChangeQuery): Promise<ChangeRow[]> {
  const rows = await db.read<{ rel: Record<string, unknown> }>(changesCypher(query.ids !== null), {
    ids: query.ids ? [...query.ids] : null,
    types: filterParams({ types: query.types }).types,
    from: firstDay(query.from),
    to: firstDay(query.to),
    first: query.first,
  });
  const changes = rows.flatMap((row) => {
    const relationship = toRelationship(row.rel, query.to);
    return changesBetween(relationship, query.from, query.to).map((change) => ({
      ...change,
      relationship,
    }));
  });
  return changes
    .sort(
      (a, b) =>
        changeDay(a).localeCompare(changeDay(b)) ||
        a.relationship.id.localeCompare(b.relationship.id) ||
        (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0),
    )
    .slice(0, query.first);
}

/**
 * The first and last days the data holds. Each dataset's node keeps the span of its records
 * (written with them), so this reads a handful of nodes, not every relationship.
 */
const TIME_SPAN = `
MATCH (d:Dataset)
RETURN min(d.earliest) AS earliest, max(d.latest) AS latest`;

export async function findTimeSpan(db: Database): Promise<TimeSpan> {
  const [row] = await db.read<TimeSpan>(TIME_SPAN, {});
  return { earliest: row?.earliest ?? null, latest: row?.latest ?? null };
}
