// The API speaks of statuses by their GraphQL enum names (FROZEN), the domain by its own
// (frozen). These read the one domain rule for what a history means and how a status is drawn.
import { isValidAt } from '../../../server/src/domain/partial-date.ts';
import { statusAt } from '../../../server/src/domain/status-history.ts';
import {
  DEFAULT_STATUS,
  RELATIONSHIP_STATUSES,
  type RelationshipStatus,
  STATUS_STYLE,
} from '../../../server/src/domain/statuses.ts';
import type { PhaseSpan } from '../api/types.ts';

/** The domain's status for a GraphQL enum value; undefined for one it does not know. */
export function domainStatus(value: string): RelationshipStatus | undefined {
  const status = value.toLowerCase();
  return RELATIONSHIP_STATUSES.find((known) => known === status);
}

/** The GraphQL enum value of a domain status: frozen -> FROZEN. */
export function apiStatus(status: RelationshipStatus): string {
  return status.toUpperCase();
}

/** Whether lines in this status are drawn faded, and whether dashed. */
export function statusStyle(value: string): { faded: boolean; dashed: boolean } {
  const status = domainStatus(value);
  return status ? STATUS_STYLE[status] : { faded: false, dashed: false };
}

/** True for the status a relationship has unless a source says otherwise: not worth naming. */
export function isDefaultStatus(value: string): boolean {
  return domainStatus(value) === DEFAULT_STATUS;
}

/**
 * The status in force at `asOf` (the latest without one), read by the domain's statusAt from
 * the history the API sends: its first phase is the status the relationship began in, each
 * later one a dated change. Without a history, the status the API answered with.
 */
export function statusOn(
  rel: { status: string; history: readonly PhaseSpan[] },
  asOf: string | null,
): string {
  const [first, ...later] = rel.history;
  const began = first && domainStatus(first.status);
  if (!began) return rel.status;
  const history = later.flatMap((phase) => {
    const status = domainStatus(phase.status);
    return status && phase.since ? [{ status, since: phase.since }] : [];
  });
  return apiStatus(statusAt({ status: began, history }, asOf));
}

/**
 * The phase in force at `asOf` (the last without one): the last that began on or before it, as
 * statusAt reads a history; undefined before the first began.
 */
export function phaseInForce<T extends PhaseSpan>(
  history: readonly T[],
  asOf: string | null,
): T | undefined {
  if (!asOf) return history.at(-1);
  return history.findLast((phase) => isValidAt({ since: phase.since }, asOf));
}
