import { firstDay, type PartialDate } from '../domain/partial-date.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';
import type { RelationshipStatus } from '../domain/statuses.ts';

/** Filters on relationships, as the API takes them. */
export interface RelationshipFilters {
  types?: readonly RelationshipType[] | null;
  statuses?: readonly RelationshipStatus[] | null;
  /** Only relationships valid at this date (see domain/partial-date.ts). */
  asOf?: PartialDate | null;
}

/** The parameters RELATIONSHIP_FILTER reads. */
export function filterParams(filters: RelationshipFilters) {
  return {
    types: filters.types && filters.types.length > 0 ? [...filters.types] : [...RELATIONSHIP_TYPES],
    statuses: filters.statuses && filters.statuses.length > 0 ? [...filters.statuses] : null,
    asOf: filters.asOf ? firstDay(filters.asOf) : null,
  };
}
