import { inject } from 'vitest';
import { type Config, loadConfig } from '../../server/src/config.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';

/** A Database on the run's test Neo4j; call close() in afterAll. */
export function connectTestDatabase(): Database & { close(): Promise<void> } {
  const { uri, user, password } = inject('neo4j');
  const driver = createDriver({ uri, user, password });
  const db = createDatabase(driver, { database: 'neo4j', timeoutMs: 30_000 });
  return Object.assign(db, { close: () => driver.close() });
}

/** For tests that stand for many clients: no per-client budgets. */
export const NO_RATE_LIMITS: Config['rateLimit'] = {
  requestsPerMinute: 0,
  costPerMinute: 0,
  trustProxyHops: 0,
};

/** Server config for tests: the test Neo4j, test mode, an editor token. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const { uri, user, password } = inject('neo4j');
  const base = loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
  });
  return { ...base, ...overrides };
}
