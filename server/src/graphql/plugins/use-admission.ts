import type { Plugin } from 'graphql-yoga';
import { type Admission, AdmissionRefused } from '../admission.ts';
import type { Context } from '../context.ts';
import { retryLater } from '../errors.ts';

export interface AdmissionPluginOptions {
  /** The turns this server's requests share (createAdmission, sized by config.admission). */
  admission: Admission;
  /** The longest a request waits for a turn; never past its deadline. */
  queueWaitMs: number;
  /** What a refused client is told to wait (Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Bounds the executions running against Neo4j: a request past the running ones waits in a
 * bounded queue for at most queueWaitMs, and one that finds the queue full or gets no turn in
 * time is answered at once with OVERLOADED (HTTP 503, Retry-After) rather than piling onto the
 * database. Listed after graphql-jit, so that it wraps whichever execute function runs.
 */
export function useAdmission(options: AdmissionPluginOptions): Plugin {
  const { admission, queueWaitMs, retryAfterSeconds } = options;
  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const { deadline, request } = args.contextValue as Context;
      const waitMs = Math.min(queueWaitMs, deadline - Date.now());
      return admission.enter(waitMs, request.signal).then(
        (leave) => {
          // Released however the execution ends, a thrown error included.
          setExecuteFn((executeArgs) =>
            Promise.resolve()
              .then(() => executeFn(executeArgs))
              .finally(leave),
          );
        },
        (refused: unknown) => {
          if (!(refused instanceof AdmissionRefused)) throw refused;
          setResultAndStopExecution({
            errors: [
              retryLater(
                'OVERLOADED',
                `The server is busy (${admission.running} requests running, ${admission.waiting} waiting); try again in ${retryAfterSeconds} s.`,
                retryAfterSeconds,
              ),
            ],
          });
        },
      );
    },
  };
}
