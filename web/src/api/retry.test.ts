import { describe, expect, it } from 'vitest';
import { type Availability, MAX_RETRY_DELAY_MS, retryDelayMs, withRetries } from './retry.ts';

class Later extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** An attempt that fails with the given codes in turn, then answers. */
function flaky(codes: string[]) {
  let calls = 0;
  const attempt = async () => {
    const code = codes[calls++];
    if (code) throw new Later(code);
    return 'answer';
  };
  return { attempt, calls: () => calls };
}

function run(attempt: () => Promise<string>, signal?: AbortSignal) {
  const reports: Availability[] = [];
  const waits: number[] = [];
  const result = withRetries(attempt, {
    retryable: (error) =>
      error instanceof Later && error.code !== 'BAD_USER_INPUT'
        ? {
            availability: error.code === 'OVERLOADED' ? 'busy' : 'unavailable',
            retryAfterSeconds: 2,
          }
        : undefined,
    report: (availability) => reports.push(availability),
    sleep: async (ms) => {
      waits.push(ms);
    },
    signal,
  });
  return { result, reports, waits };
}

describe('retrying what the server asks to retry later', () => {
  it('while the database is unavailable, says so and tries again until answered, then clears', async () => {
    const api = flaky(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'OVERLOADED']);
    const { result, reports, waits } = run(api.attempt);
    expect(await result).toBe('answer');
    expect(api.calls()).toBe(4);
    expect(reports).toEqual(['unavailable', 'unavailable', 'busy', 'ok']);
    expect(waits).toEqual([2000, 3000, 4500]);
  });

  it('waits longer each time, never more than the cap', () => {
    expect(retryDelayMs(1, 2)).toBe(2000);
    expect(retryDelayMs(2, 2)).toBe(3000);
    expect(retryDelayMs(10, 2)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1)).toBe(1000);
  });

  it('does not retry an error the caller must fix', async () => {
    const api = flaky(['BAD_USER_INPUT']);
    const { result, reports } = run(api.attempt);
    await expect(result).rejects.toThrow('BAD_USER_INPUT');
    expect(api.calls()).toBe(1);
    expect(reports).toEqual([]);
  });

  it('stops when the request is no longer wanted', async () => {
    const wanted = new AbortController();
    wanted.abort();
    const api = flaky(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
    const { result } = run(api.attempt, wanted.signal);
    await expect(result).rejects.toThrow('SERVICE_UNAVAILABLE');
    expect(api.calls()).toBe(1);
  });
});
