import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type Driver } from 'neo4j-driver';

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
  /** Round trips so far; tests use it to prove that loaders batch. */
  readonly roundTrips: number;
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

export function createDatabase(driver: Driver, options: DatabaseOptions): Database {
  let roundTrips = 0;
  const write = async <T>(cypher: string, params: Params) => {
    roundTrips += 1;
    const result = await driver.executeQuery(cypher, toCypherParams(params), {
      database: options.database,
      routing: neo4j.routing.WRITE,
      transactionConfig: { timeout: options.timeoutMs },
    });
    return result.records.map((record) => record.toObject() as T);
  };
  /**
   * A read is one statement, so it runs as an auto-commit transaction: one Bolt round trip
   * instead of BEGIN, RUN and COMMIT. It shares executeQuery's bookmarks, so on a cluster it
   * still sees every write made before it; transient failures are retried here.
   */
  const read = async <T>(cypher: string, params: Params) => {
    roundTrips += 1;
    const parameters = toCypherParams(params);
    for (let attempt = 1; ; attempt += 1) {
      const session = driver.session({
        database: options.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: driver.executeQueryBookmarkManager,
      });
      try {
        const { records } = await session.run(cypher, parameters, { timeout: options.timeoutMs });
        return records.map((record) => record.toObject() as T);
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !neo4j.isRetryableError(error)) throw error;
      } finally {
        await session.close();
      }
      await sleep(RETRY_PAUSE_MS * attempt);
    }
  };
  return {
    driver,
    database: options.database,
    read: (cypher, params = {}) => read(cypher, params),
    write: (cypher, params = {}) => write(cypher, params),
    async autoCommit(cypher, params = {}) {
      roundTrips += 1;
      const session = driver.session({
        database: options.database,
        defaultAccessMode: neo4j.session.WRITE,
      });
      try {
        await session.run(cypher, toCypherParams(params));
      } finally {
        await session.close();
      }
    },
    async transaction(work, txOptions = {}) {
      const session = driver.session({
        database: options.database,
        defaultAccessMode: neo4j.session.WRITE,
      });
      const timeout = txOptions.timeoutMs ?? options.timeoutMs;
      const tx = session.beginTransaction({
        ...(timeout > 0 ? { timeout } : {}),
        ...(txOptions.metadata ? { metadata: txOptions.metadata } : {}),
      });
      try {
        const result = await work({
          run: async (cypher, params = {}) => {
            roundTrips += 1;
            const { records } = await tx.run(cypher, toCypherParams(params));
            return records.map((record) => record.toObject() as never);
          },
        });
        if (txOptions.rollback) await tx.rollback();
        else await tx.commit();
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw error;
      } finally {
        await session.close();
      }
    },
    get roundTrips() {
      return roundTrips;
    },
  };
}
