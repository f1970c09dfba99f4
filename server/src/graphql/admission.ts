/**
 * Why a request was not let in: no room to wait, a turn not expected within its wait, no turn
 * in time after all, or its client went away.
 */
export type Refusal = 'queue-full' | 'wait-too-long' | 'wait-expired' | 'gone';

export class AdmissionRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(`Request not admitted: ${reason}`);
    this.name = 'AdmissionRefused';
  }
}

export interface AdmissionOptions {
  /** Requests that may run at once. */
  concurrency: number;
  /** Requests that may wait for a turn; one more is refused at once. */
  queue: number;
}

export interface Admission {
  /**
   * Resolves, once the request may run, to the function that ends its turn (call it once it is
   * done; later calls do nothing). Rejects with AdmissionRefused when the queue is full, no turn
   * came within `waitMs`, or `signal` aborted while it waited.
   */
  enter(waitMs: number, signal?: AbortSignal): Promise<() => void>;
  /**
   * Lets in only a few at first and one more with each turn that ends, up to `concurrency`:
   * called when Neo4j is back after an outage, so that its first, cold queries are not all
   * started at once and the first answers come soon.
   */
  restart(): void;
  readonly running: number;
  readonly waiting: number;
}

/** Turns let in at once after a restart(). */
export const RESTART_TURNS = 2;

/** How much each finished turn moves the mean length of a turn (an exponential moving average). */
const TURN_WEIGHT = 0.2;

/**
 * A counting semaphore with a bounded first-come-first-served queue and a deadline for each
 * wait. p-limit and p-queue queue without bound and time out a task's run, not its wait.
 *
 * A request whose turn is not expected within its wait (the turns ahead of it, shared among the
 * `concurrency` that run at once, at the mean length of recent turns) is refused on arrival: a
 * client told "try again" at once loses nothing, one told after the whole wait has lost it.
 */
export function createAdmission({ concurrency, queue }: AdmissionOptions): Admission {
  let running = 0;
  /** Turns that may run now: `concurrency`, but fewer for a while after a restart(). */
  let allowed = concurrency;
  const waiting: (() => void)[] = [];
  /** The mean length of a turn in ms; unknown until one has ended. */
  let meanTurnMs: number | undefined;
  const expectedWaitMs = () =>
    meanTurnMs === undefined ? 0 : Math.ceil((waiting.length + 1) / allowed) * meanTurnMs;
  const turn = () => {
    let ended = false;
    const began = performance.now();
    return () => {
      if (ended) return;
      ended = true;
      const took = performance.now() - began;
      meanTurnMs = meanTurnMs === undefined ? took : meanTurnMs + TURN_WEIGHT * (took - meanTurnMs);
      running -= 1;
      if (allowed < concurrency) allowed += 1;
      // Each turn passes to the next in line, and a restart's growing allowance lets in more.
      while (running < allowed && waiting.length > 0) {
        running += 1;
        waiting.shift()?.();
      }
    };
  };
  return {
    enter(waitMs, signal) {
      if (signal?.aborted) return Promise.reject(new AdmissionRefused('gone'));
      if (running < allowed) {
        running += 1;
        return Promise.resolve(turn());
      }
      if (waiting.length >= queue) return Promise.reject(new AdmissionRefused('queue-full'));
      if (waitMs <= 0) return Promise.reject(new AdmissionRefused('wait-expired'));
      if (expectedWaitMs() > waitMs) return Promise.reject(new AdmissionRefused('wait-too-long'));
      return new Promise((resolve, reject) => {
        const admit = () => {
          settle();
          resolve(turn());
        };
        const leave = (reason: Refusal) => {
          waiting.splice(waiting.indexOf(admit), 1);
          settle();
          reject(new AdmissionRefused(reason));
        };
        const timer = setTimeout(() => leave('wait-expired'), waitMs);
        const gone = () => leave('gone');
        const settle = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', gone);
        };
        signal?.addEventListener('abort', gone, { once: true });
        waiting.push(admit);
      });
    },
    restart() {
      allowed = Math.min(RESTART_TURNS, concurrency);
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
