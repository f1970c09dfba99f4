import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import { createAvailability } from './availability.ts';
import { databaseError, isTermination } from './database-errors.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Statements run inside one explicit transaction. */
export interface Transaction {
  run<T = Row>(cypher: string, params?: Params): Promise<T[]>;
}

export interface TransactionOptions {
  /** Roll back at the end instead of committing: a dry run that still reports what would change. */
  rollback?: boolean;
  /** Overrides the configured timeout; 0 means none. */
  timeoutMs?: number;
  /** Shown by SHOW TRANSACTIONS, so an operator can tell what a long transaction is. */
  metadata?: Record<string, string>;
}

export interface Database {
  driver: Driver;
  database: string;
  /** Runs a read query; values only ever as parameters. Returns plain objects. */
  read<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  write<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  /** Runs one statement in an auto-commit transaction: for `CALL { } IN TRANSACTIONS`. */
  autoCommit(cypher: string, params?: Params): Promise<void>;
  /** Runs work in one write transaction: committed only if every statement succeeds. */
  transaction<R>(work: (tx: Transaction) => Promise<R>, options?: TransactionOptions): Promise<R>;
  /** Resolves while Neo4j's database answers; fails at once while it is known to be unreachable. */
  ping(): Promise<void>;
  /** Calls `listener` each time Neo4j answers again after an outage. */
  onRecovered(listener: () => void): void;
  /** At once while Neo4j is not known to be down; else when it is back or `maxMs` have passed. */
  settled(maxMs: number): Promise<void>;
  /** The same database for one request: its deadline bounds every transaction, its signal cancels them. */
  forRequest(scope: RequestScope): Database;
  /** Round trips so far, the requests' included; tests use it to prove that loaders batch. */
  readonly roundTrips: number;
  /**
   * Operations running now, the requests' included: each holds (or waits for) one connection of
   * the driver's pool, which neo4j-driver does not report itself.
   */
  readonly active: number;
}

export interface RequestScope {
  /** When the request's time is up (Date.now() milliseconds); no transaction runs past it. */
  deadline?: number;
  /** Aborted when the client goes away: the running query is stopped in Neo4j. */
  signal?: AbortSignal;
}

export interface DatabaseOptions {
  database: string;
  /** Server-side timeout of each transaction, in milliseconds. */
  timeoutMs: number;
}

/**
 * Whole numbers go to Neo4j as integers: JavaScript numbers would arrive as floats, which
 * LIMIT and SKIP refuse. Only top-level parameters are counts and limits.
 */
function toCypherParams(params: Params): Params {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value,
    ]),
  );
}

/** Attempts of a read that fails with a transient error (a leader change, a deadlock). */
const READ_ATTEMPTS = 3;
const RETRY_PAUSE_MS = 100;

/**
 * Settles as `work` does, or rejects with DatabaseError('cancelled') as soon as the signal
 * aborts, after asking `cancel` to stop the work in Neo4j.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, cancel: () => void) {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      cancel();
      reject(databaseError('cancelled'));
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export function createDatabase(driver: Driver, options: DatabaseOptions): Database {
  // A query, not just a connection: Neo4j accepts Bolt seconds before its database can answer.
  const answers = async () => {
    const session = driver.session({
      database: options.database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      await session.run('RETURN 1');
    } finally {
      await session.close();
    }
  };
  const availability = createAvailability(answers);
  return scopedDatabase(
    driver,
    options,
    { counter: { roundTrips: 0, active: 0 }, availability, answers },
    {},
  );
}

interface Shared {
  counter: { roundTrips: number; active: number };
  availability: ReturnType<typeof createAvailability>;
  /** Resolves once Neo4j's database answers a query. */
  answers: () => Promise<void>;
}

function scopedDatabase(
  driver: Driver,
  options: DatabaseOptions,
  shared: Shared,
  scope: RequestScope,
): Database {
  const { counter, availability } = shared;
  /** The transaction timeout: the configured one, cut to the time the request has left. */
  const timeoutMs = (configured = options.timeoutMs): number => {
    if (scope.deadline === undefined) return configured;
    const left = scope.deadline - Date.now();
    if (left <= 0) throw databaseError('timeout');
    return configured > 0 ? Math.min(configured, left) : left;
  };
  /** Runs one operation unless Neo4j is known to be down or the client gone; its failure classified. */
  const guarded = async <T>(operation: () => Promise<T>): Promise<T> => {
    if (scope.signal?.aborted) throw databaseError('cancelled');
    availability.check();
    counter.active += 1;
    try {
      return await operation();
    } catch (error) {
      // A timeout that stops a lock wait reaches the driver as the transaction's termination.
      if (isTermination(error) && scope.deadline !== undefined && Date.now() >= scope.deadline) {
        throw databaseError('timeout', error);
      }
      throw availability.failed(error);
    } finally {
      counter.active -= 1;
    }
  };
  const write = <T>(cypher: string, params: Params) =>
    guarded(async () => {
      counter.roundTrips += 1;
      const result = await untilAborted(
        driver.executeQuery(cypher, toCypherParams(params), {
          database: options.database,
          routing: neo4j.routing.WRITE,
          transactionConfig: { timeout: timeoutMs() },
          ...(scope.signal ? { signal: scope.signal } : {}),
        }),
        scope.signal,
        () => {},
      );
      return result.records.map((record) => record.toObject() as T);
    });
  /**
   * A read is one statement, so it runs as an auto-commit transaction: one Bolt round trip
   * instead of BEGIN, RUN and COMMIT. It shares executeQuery's bookmarks, so on a cluster it
   * still sees every write made before it; transient failures are retried here, while the
   * request has time left and Neo4j is not known to be down. Closing the session when the
   * client goes away resets the connection, which stops the query in Neo4j.
   */
  const read = <T>(cypher: string, params: Params) =>
    guarded(async () => {
      counter.roundTrips += 1;
      const parameters = toCypherParams(params);
      for (let attempt = 1; ; attempt += 1) {
        const session = driver.session({
          database: options.database,
          defaultAccessMode: neo4j.session.READ,
          bookmarkManager: driver.executeQueryBookmarkManager,
        });
        try {
          const { records } = await untilAborted(
            session.run(cypher, parameters, { timeout: timeoutMs() }),
            scope.signal,
            () => void session.close(),
          );
          return records.map((record) => record.toObject() as T);
        } catch (error) {
          if (attempt >= READ_ATTEMPTS || !neo4j.isRetryableError(error)) throw error;
        } finally {
          await session.close();
        }
        await sleep(RETRY_PAUSE_MS * attempt);
        availability.check();
      }
    });
  return {
    driver,
    database: options.database,
    read: (cypher, params = {}) => read(cypher, params),
    write: (cypher, params = {}) => write(cypher, params),
    autoCommit: (cypher, params = {}) =>
      guarded(async () => {
        counter.roundTrips += 1;
        const session = driver.session({
          database: options.database,
          defaultAccessMode: neo4j.session.WRITE,
        });
        try {
          await session.run(cypher, toCypherParams(params));
        } finally {
          await session.close();
        }
      }),
    transaction: (work, txOptions = {}) =>
      guarded(async () => {
        const session = driver.session({
          database: options.database,
          defaultAccessMode: neo4j.session.WRITE,
        });
        const timeout = timeoutMs(txOptions.timeoutMs);
        const tx = session.beginTransaction({
          ...(timeout > 0 ? { timeout } : {}),
          ...(txOptions.metadata ? { metadata: txOptions.metadata } : {}),
        });
        try {
          const result = await untilAborted(
            work({
              run: async (cypher, params = {}) => {
                counter.roundTrips += 1;
                const { records } = await tx.run(cypher, toCypherParams(params));
                return records.map((record) => record.toObject() as never);
              },
            }),
            scope.signal,
            // Closing the session resets the connection: Neo4j rolls the transaction back.
            () => void session.close(),
          );
          if (txOptions.rollback) await tx.rollback();
          else await tx.commit();
          return result;
        } catch (error) {
          // A cancelled transaction went with its session.
          if (tx.isOpen() && !scope.signal?.aborted) await tx.rollback().catch(() => {});
          throw error;
        } finally {
          await session.close();
        }
      }),
    ping: () => guarded(shared.answers),
    onRecovered: (listener) => availability.onRecovered(listener),
    settled: (maxMs) => availability.settled(maxMs),
    forRequest: (requestScope) => scopedDatabase(driver, options, shared, requestScope),
    get roundTrips() {
      return counter.roundTrips;
    },
    get active() {
      return counter.active;
    },
  };
}
