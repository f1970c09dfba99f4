import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/src/project-root.ts';

/** Where the project keeps its own files: the repository root. */
export const ROOT = PROJECT_ROOT;

export type Profile = 'dev' | 'test' | 'bench';

export interface Neo4jSettings {
  profile: Profile;
  version: string;
  boltPort: number;
  httpPort: number;
  user: string;
  password: string;
  heap: string;
  pageCache: string;
  /** Resolved jars for this version, shared by all profiles. */
  libDir: string;
  /** Everything this profile writes: conf, data, logs, run. */
  home: string;
  startTimeoutMs: number;
}

export const DEFAULT_NEO4J_VERSION = '5.26.30';

const DEFAULTS: Record<
  Profile,
  { bolt: number; http: number; heap: string; pageCache: string; password: string }
> = {
  // Sized for a 2-core, 24 GB machine: the JVM heap serves queries and transactions, the page
  // cache holds the store; both leave most memory to the OS, the Node server and a browser.
  dev: { bolt: 7687, http: 7474, heap: '4g', pageCache: '4g', password: 'entente-local' },
  test: { bolt: 7688, http: 7475, heap: '2g', pageCache: '1g', password: 'entente-test' },
  // Benchmarks get their own instance, emptied per run, so they never touch a user's data.
  bench: { bolt: 7689, http: 7476, heap: '4g', pageCache: '2g', password: 'entente-bench' },
};

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
  }
  return value;
}

export function neo4jSettings(
  profile: Profile,
  env: NodeJS.ProcessEnv = process.env,
): Neo4jSettings {
  const defaults = DEFAULTS[profile];
  const prefix = profile === 'dev' ? 'NEO4J_' : `NEO4J_${profile.toUpperCase()}_`;
  const version = env.NEO4J_VERSION || DEFAULT_NEO4J_VERSION;
  return {
    profile,
    version,
    boltPort: port(env, `${prefix}BOLT_PORT`, defaults.bolt),
    httpPort: port(env, `${prefix}HTTP_PORT`, defaults.http),
    user: 'neo4j',
    password: env[`${prefix}PASSWORD`] || defaults.password,
    heap: env.NEO4J_HEAP || defaults.heap,
    pageCache: env.NEO4J_PAGECACHE || defaults.pageCache,
    libDir: join(ROOT, '.cache', 'neo4j', version, 'lib'),
    home: join(ROOT, '.data', 'neo4j', profile),
    startTimeoutMs: Number(env.NEO4J_START_TIMEOUT_MS || 120_000),
  };
}

export function boltUri(settings: Neo4jSettings): string {
  return `bolt://127.0.0.1:${settings.boltPort}`;
}
