import type { YogaInitialContext } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

export interface Context extends YogaInitialContext {
  db: Database;
  config: Config;
}

export interface ServerContext {
  db: Database;
  config: Config;
}

/** A fresh context per request, so per-request caches never leak between callers. */
export function createContext(server: ServerContext) {
  return (_initial: YogaInitialContext) => ({ db: server.db, config: server.config });
}
