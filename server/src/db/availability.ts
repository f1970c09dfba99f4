import { setTimeout as sleep } from 'node:timers/promises';
import { asDatabaseError, databaseError, kindOf } from './database-errors.ts';

/** How often an unreachable Neo4j is tried again: a recovery is noticed within this. */
export const PROBE_INTERVAL_MS = 250;

/**
 * Whether Neo4j answers. A failure that says it may be gone starts a probe; while the probe
 * fails, every operation is refused at once instead of each waiting on a connection of its own,
 * and the first probe that succeeds lets them through again. Nothing queues meanwhile, so a
 * recovered database meets no backlog.
 */
export interface Availability {
  /** Throws DatabaseError('unavailable') while Neo4j is known to be unreachable. */
  check(): void;
  /** The error an operation failed with, as a DatabaseError when it is one; probes if needed. */
  failed(error: unknown): unknown;
  /** Calls `listener` each time Neo4j answers again after being unreachable. */
  onRecovered(listener: () => void): void;
  /**
   * Resolves at once while Neo4j is not known to be down; else when it answers again or after
   * `maxMs`, whichever comes first.
   */
  settled(maxMs: number): Promise<void>;
}

export function createAvailability(probe: () => Promise<void>): Availability {
  let down = false;
  const recovered: (() => void)[] = [];
  let probing = false;
  const watch = async () => {
    if (probing) return;
    probing = true;
    try {
      for (;;) {
        try {
          await probe();
          const wasDown = down;
          down = false;
          if (wasDown) for (const listener of [...recovered]) listener();
          return;
        } catch (error) {
          // Any other failure (a closed driver, wrong credentials) is for operations to report.
          down = kindOf(error) === 'unavailable';
          if (!down) return;
        }
        await sleep(PROBE_INTERVAL_MS, undefined, { ref: false });
      }
    } finally {
      probing = false;
    }
  };
  return {
    check() {
      if (down) throw databaseError('unavailable');
    },
    failed(error) {
      if (kindOf(error) === 'unavailable') void watch();
      return asDatabaseError(error);
    },
    onRecovered(listener) {
      recovered.push(listener);
    },
    settled(maxMs) {
      if (!down) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          const at = recovered.indexOf(done);
          if (at >= 0) recovered.splice(at, 1);
          resolve();
        };
        const timer = setTimeout(done, maxMs);
        recovered.push(done);
      });
    },
  };
}
