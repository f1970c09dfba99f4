// Answers that say "not now, later": the database is unreachable or the server is busy. The
// client waits as the server asks (Retry-After), longer each time up to a cap, and tries again
// until it is answered or the request is no longer wanted.

/** What the explorer tells the user while it retries; `ok` once a request is answered. */
export type Availability = 'ok' | 'unavailable' | 'busy';

/** The API's codes that mean "retry later", and what each tells the user. */
export const RETRY_LATER: Record<string, Exclude<Availability, 'ok'>> = {
  SERVICE_UNAVAILABLE: 'unavailable',
  OVERLOADED: 'busy',
};

/** The longest wait between two attempts, so a database that is back is noticed soon. */
export const MAX_RETRY_DELAY_MS = 5_000;
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** The wait before attempt `attempt + 1`: Retry-After, half as long again each time, capped. */
export function retryDelayMs(attempt: number, retryAfterSeconds?: number): number {
  const base = (retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000;
  return Math.min(base * 1.5 ** (attempt - 1), MAX_RETRY_DELAY_MS);
}

/** A failure the server asked to be retried, with the wait it asked for. */
export interface RetryLater {
  availability: Exclude<Availability, 'ok'>;
  retryAfterSeconds?: number;
}

export interface RetryOptions {
  /** The failure as RetryLater when it is one, else undefined (it is thrown as it is). */
  retryable(error: unknown): RetryLater | undefined;
  /** Told whenever the outlook changes: retrying because of what, or answered. */
  report(availability: Availability): void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** Runs `attempt` until it succeeds or fails with an error that is not "retry later". */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  for (let attempts = 1; ; attempts += 1) {
    try {
      const result = await attempt();
      options.report('ok');
      return result;
    } catch (error) {
      const later = options.retryable(error);
      if (!later || options.signal?.aborted) throw error;
      options.report(later.availability);
      await sleep(retryDelayMs(attempts, later.retryAfterSeconds), options.signal);
    }
  }
}
