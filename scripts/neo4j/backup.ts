import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { neo4jAdmin, prepareHome, runningPid, startNeo4j, stopNeo4j } from './server.ts';
import { type Neo4jSettings, ROOT } from './settings.ts';

type Log = (line: string) => void;

/** The database a managed Neo4j serves (Community holds one, besides `system`). */
const DATABASE = 'neo4j';

/** Where a dump goes when no file is named: `.data/backups/<profile>-<UTC time>.dump`. */
export function defaultDumpFile(settings: Neo4jSettings, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
  return join(ROOT, '.data', 'backups', `${settings.profile}-${stamp}.dump`);
}

/**
 * neo4j-admin works on a stopped database only: a running Neo4j is stopped for `work` and
 * started again afterwards, whether `work` succeeded or not.
 */
async function whileStopped<T>(settings: Neo4jSettings, log: Log, work: () => T): Promise<T> {
  const wasRunning = runningPid(settings) !== undefined;
  if (wasRunning) await stopNeo4j(settings, log);
  try {
    prepareHome(settings);
    return work();
  } finally {
    if (wasRunning) await startNeo4j(settings, log);
  }
}

/**
 * Dumps the local database to `file` (Neo4j's own `neo4j-admin database dump`). The dump is
 * written beside the file and renamed when whole, so a failed dump never leaves a file that
 * looks like one.
 */
export async function dumpNeo4j(settings: Neo4jSettings, file: string, log: Log): Promise<number> {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await whileStopped(settings, log, () => {
    log(`Dumping database "${DATABASE}" (${settings.profile}) to ${file} ...`);
    const out = openSync(partial, 'w');
    try {
      neo4jAdmin(settings, ['database', 'dump', DATABASE, '--to-stdout'], 'The dump', {
        stdout: out,
      });
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    } finally {
      closeSync(out);
    }
    renameSync(partial, file);
  });
  return statSync(file).size;
}

/** Runs neo4j-admin with `file` as its standard input. */
function fromFile(settings: Neo4jSettings, file: string, args: string[], what: string): string {
  const input = openSync(file, 'r');
  try {
    return neo4jAdmin(settings, args, what, { stdin: input });
  } finally {
    closeSync(input);
  }
}

/**
 * Replaces the local database with a dump (`neo4j-admin database load`). The file is read as a
 * dump first: one that is not is refused with the database untouched.
 */
export async function restoreNeo4j(settings: Neo4jSettings, file: string, log: Log): Promise<void> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`${file}: no such file`);
  prepareHome(settings);
  fromFile(
    settings,
    file,
    ['database', 'load', DATABASE, '--info', '--from-stdin'],
    `Reading ${file} as a Neo4j dump`,
  );
  await whileStopped(settings, log, () => {
    log(`Restoring database "${DATABASE}" (${settings.profile}) from ${file} ...`);
    fromFile(
      settings,
      file,
      ['database', 'load', DATABASE, '--from-stdin', '--overwrite-destination=true'],
      'The restore',
    );
  });
}
