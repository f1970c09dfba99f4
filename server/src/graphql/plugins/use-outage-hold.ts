import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/database.ts';

/**
 * How long a request that arrives while Neo4j is known to be down waits for it to come back
 * before it is answered SERVICE_UNAVAILABLE: a short outage then costs its requests a pause, not
 * an error, and clients that retry at once without heeding Retry-After send a few requests a
 * second each rather than keeping the processor busy while the database starts.
 */
export const OUTAGE_HOLD_MS = 250;

/** Holds executions while Neo4j is down (up to OUTAGE_HOLD_MS); listed before useAdmission. */
export function useOutageHold(db: Database, holdMs = OUTAGE_HOLD_MS): Plugin {
  return {
    onExecute() {
      return db.settled(holdMs);
    },
  };
}
