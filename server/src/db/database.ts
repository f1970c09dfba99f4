import neo4j, { type Driver } from 'neo4j-driver';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface Database {
  driver: Driver;
  database: string;
  /** Runs a read query; values only ever as parameters. Returns plain objects. */
  read<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  write<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  /** Round trips so far; tests use it to prove that loaders batch. */
  readonly roundTrips: number;
}

export interface DatabaseOptions {
  database: string;
  /** Server-side timeout of each transaction, in milliseconds. */
  timeoutMs: number;
}

export function createDatabase(driver: Driver, options: DatabaseOptions): Database {
  let roundTrips = 0;
  const run = async <T>(cypher: string, params: Params, write: boolean) => {
    roundTrips += 1;
    const result = await driver.executeQuery(cypher, params, {
      database: options.database,
      routing: write ? neo4j.routing.WRITE : neo4j.routing.READ,
      transactionConfig: { timeout: options.timeoutMs },
    });
    return result.records.map((record) => record.toObject() as T);
  };
  return {
    driver,
    database: options.database,
    read: (cypher, params = {}) => run(cypher, params, false),
    write: (cypher, params = {}) => run(cypher, params, true),
    get roundTrips() {
      return roundTrips;
    },
  };
}
