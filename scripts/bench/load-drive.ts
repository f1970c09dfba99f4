// Traffic for the load and fault benchmark: autocannon's clients on loopback, each request one
// of the explorer's documents, each answer sorted by what it told the client.

import autocannon from 'autocannon';

/** What an answer told its client: the data, "try again" of either kind, or anything else. */
export const OUTCOMES = [
  'answered',
  'OVERLOADED',
  'TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A request still unanswered after this long counts as unanswered (and its socket is reset). */
export const UNANSWERED_AFTER_S = 10;

export interface Request {
  query: string;
  variables: Record<string, unknown>;
}

export interface Answer {
  /** Milliseconds since the drive began. */
  at: number;
  outcome: Outcome;
  ms: number;
}

export interface Drive {
  answers: Answer[];
  /** Requests autocannon gave up on after UNANSWERED_AFTER_S. */
  unanswered: number;
  /** Socket errors: refused or reset connections. */
  errors: number;
  /** The first few answers that were `other`, to read in the report. */
  strange: string[];
  seconds: number;
}

function classify(status: number, body: string): Outcome {
  let parsed: { errors?: { extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'other';
  }
  if (status === 200 && !parsed.errors) return 'answered';
  const code = parsed.errors?.[0]?.extensions?.code;
  return code === 'OVERLOADED' || code === 'TIMEOUT' || code === 'SERVICE_UNAVAILABLE'
    ? code
    : 'other';
}

export interface Driving {
  /** Ends the traffic now and resolves with what it met. */
  stop(): Promise<Drive>;
  /** Resolves with what the traffic met once its seconds are up. */
  ended(): Promise<Drive>;
  /** Resolves when an answer with this outcome arrives at or after `since` (ms since the start). */
  first(outcome: Outcome, since: number): Promise<number>;
  elapsed(): number;
}

/**
 * Starts `connections` clients sending `requests` round-robin to `url` (a GraphQL endpoint on
 * 127.0.0.1) until `seconds` have passed or stop() is called.
 */
export function drive(
  url: string,
  requests: Request[],
  options: { connections: number; seconds: number },
): Driving {
  if (!url.startsWith('http://127.0.0.1:'))
    throw new Error(`load goes to 127.0.0.1 only, not ${url}`);
  const begun = performance.now();
  const elapsed = () => performance.now() - begun;
  const answers: Answer[] = [];
  const strange: string[] = [];
  const waiting: { outcome: Outcome; since: number; resolve: (at: number) => void }[] = [];
  let next = 0;
  // autocannon calls onResponse and then emits `response` for the same answer, synchronously.
  let outcome: Outcome = 'other';
  let settle: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url,
      connections: options.connections,
      duration: options.seconds,
      timeout: UNANSWERED_AFTER_S,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            const chosen = requests[next++ % requests.length] as Request;
            return { ...request, body: JSON.stringify(chosen) };
          },
          onResponse: (status, body) => {
            outcome = classify(status, body);
            if (outcome === 'other' && strange.length < 3)
              strange.push(`${status} ${body.slice(0, 200)}`);
          },
        },
      ],
    },
    (error, done) => (error ? fail(error) : settle(done)),
  );
  instance.on('response', (_client, _status, _bytes, ms) => {
    const at = elapsed();
    answers.push({ at, outcome, ms });
    for (let i = waiting.length - 1; i >= 0; i -= 1) {
      const wait = waiting[i];
      if (wait && wait.outcome === outcome && at >= wait.since) {
        waiting.splice(i, 1);
        wait.resolve(at);
      }
    }
  });
  const ended = async (): Promise<Drive> => {
    const done = await result;
    return {
      answers,
      unanswered: done.timeouts,
      errors: done.errors - done.timeouts,
      strange,
      seconds: elapsed() / 1000,
    };
  };
  return {
    elapsed,
    first: (wanted, since) =>
      new Promise((resolve) => waiting.push({ outcome: wanted, since, resolve })),
    stop() {
      instance.stop();
      return ended();
    },
    ended,
  };
}

/** The value below which `share` of the sorted values lie. */
export function percentile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] as number;
}

export function countBy(answers: Answer[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const answer of answers) counts[answer.outcome] += 1;
  return counts;
}
