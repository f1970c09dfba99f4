/** Why a request was not let in: no room to wait, no turn in time, or its client went away. */
export type Refusal = 'queue-full' | 'wait-expired' | 'gone';

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
  readonly running: number;
  readonly waiting: number;
}

/**
 * A counting semaphore with a bounded first-come-first-served queue and a deadline for each
 * wait. p-limit and p-queue queue without bound and time out a task's run, not its wait.
 */
export function createAdmission({ concurrency, queue }: AdmissionOptions): Admission {
  let running = 0;
  const waiting: (() => void)[] = [];
  const turn = () => {
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const next = waiting.shift();
      // The turn passes straight to the next in line, so `running` stays as it is.
      if (next) next();
      else running -= 1;
    };
  };
  return {
    enter(waitMs, signal) {
      if (signal?.aborted) return Promise.reject(new AdmissionRefused('gone'));
      if (running < concurrency) {
        running += 1;
        return Promise.resolve(turn());
      }
      if (waiting.length >= queue) return Promise.reject(new AdmissionRefused('queue-full'));
      if (waitMs <= 0) return Promise.reject(new AdmissionRefused('wait-expired'));
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
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
