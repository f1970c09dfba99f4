import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createAvailability, PROBE_INTERVAL_MS } from './availability.ts';
import { DatabaseError, databaseError } from './database-errors.ts';

/** A probe that fails while `reachable` is false, counting its calls. */
function probeOf(state: { reachable: boolean; probes: number }) {
  return async () => {
    state.probes += 1;
    if (!state.reachable) throw databaseError('unavailable');
  };
}

const refused = (check: () => void) => {
  try {
    check();
    return false;
  } catch (error) {
    return error instanceof DatabaseError && error.kind === 'unavailable';
  }
};

describe('availability', () => {
  it('refuses at once while the probe fails, and lets operations through once it answers', async () => {
    const state = { reachable: false, probes: 0 };
    const availability = createAvailability(probeOf(state));
    let recoveries = 0;
    availability.onRecovered(() => {
      recoveries += 1;
    });
    expect(refused(() => availability.check())).toBe(false);
    availability.failed(databaseError('unavailable'));
    await sleep(10);
    expect(refused(() => availability.check())).toBe(true);
    await sleep(PROBE_INTERVAL_MS * 2);
    expect(state.probes).toBeGreaterThanOrEqual(2);
    state.reachable = true;
    await sleep(PROBE_INTERVAL_MS * 2);
    expect(refused(() => availability.check())).toBe(false);
    expect(recoveries).toBe(1);
    const probes = state.probes;
    await sleep(PROBE_INTERVAL_MS * 2);
    expect(state.probes).toBe(probes); // no probing while it answers
  });

  it('keeps operations going after a dropped connection when the probe still answers', async () => {
    const state = { reachable: true, probes: 0 };
    const availability = createAvailability(probeOf(state));
    let recoveries = 0;
    availability.onRecovered(() => {
      recoveries += 1;
    });
    availability.failed(databaseError('unavailable'));
    await sleep(10);
    expect(state.probes).toBe(1);
    expect(refused(() => availability.check())).toBe(false);
    expect(recoveries).toBe(0); // it never went away
  });

  it('leaves a query’s own error as it is and does not probe for it', async () => {
    const state = { reachable: true, probes: 0 };
    const availability = createAvailability(probeOf(state));
    const mistake = new Error('Invalid input');
    expect(availability.failed(mistake)).toBe(mistake);
    await sleep(10);
    expect(state.probes).toBe(0);
  });

  it('settles at once while up, and while down when it is back or the wait is over', async () => {
    const state = { reachable: false, probes: 0 };
    const availability = createAvailability(probeOf(state));
    let started = performance.now();
    await availability.settled(5_000);
    expect(performance.now() - started).toBeLessThan(50);
    availability.failed(databaseError('unavailable'));
    await sleep(10);
    started = performance.now();
    await availability.settled(100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(refused(() => availability.check())).toBe(true);
    const waits = [availability.settled(60_000), availability.settled(60_000)];
    started = performance.now();
    state.reachable = true;
    await Promise.all(waits);
    expect(performance.now() - started).toBeLessThan(PROBE_INTERVAL_MS * 2);
    expect(refused(() => availability.check())).toBe(false);
  });
});
