import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDriver } from '../../server/src/db/driver.ts';
import { jvmArgs, layout, neo4jConf } from './config-file.ts';
import { ensureDistribution } from './distribution.ts';
import { checkJava, javaExecutable } from './requirements.ts';
import { boltUri, type Neo4jSettings } from './settings.ts';

type Log = (line: string) => void;

export interface StartResult {
  /** False when a Neo4j of this profile was already running and was reused. */
  started: boolean;
  pid: number;
  uri: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when pid is a Neo4j started with this profile's config, not a recycled pid. */
function isOurNeo4j(pid: number, settings: Neo4jSettings): boolean {
  if (!isAlive(pid)) return false;
  const cmdlinePath = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdlinePath)) return true;
  const cmdline = readFileSync(cmdlinePath, 'utf8').split('\0');
  return (
    cmdline.includes('org.neo4j.server.CommunityEntryPoint') &&
    cmdline.includes(`--config-dir=${layout(settings).conf}`)
  );
}

/** The pid of this profile's running Neo4j; a stale pid file left by a killed run is removed. */
export function runningPid(settings: Neo4jSettings): number | undefined {
  const { pidFile } = layout(settings);
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isOurNeo4j(pid, settings)) return pid;
  rmSync(pidFile, { force: true });
  return undefined;
}

function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} on 127.0.0.1 is taken by another process; stop it or set ${variable}.`
            : `Cannot listen on 127.0.0.1:${port}: ${error.message}`,
        ),
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export function logTail(settings: Neo4jSettings, lines = 40): string {
  const dirs = layout(settings);
  return [join(dirs.logs, 'neo4j.log'), dirs.consoleLog]
    .filter((file) => existsSync(file))
    .map((file) => {
      const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      return `--- ${file}\n${tail}`;
    })
    .join('\n');
}

/**
 * Runs `neo4j-admin` of this profile's distribution with its config, `what` naming the task in
 * an error; standard input and output may be files (open descriptors). Returns what it printed.
 */
export function neo4jAdmin(
  settings: Neo4jSettings,
  args: readonly string[],
  what: string,
  files: { stdin?: number; stdout?: number } = {},
): string {
  const result = spawnSync(
    javaExecutable(),
    ['-cp', `${settings.libDir}/*`, 'org.neo4j.server.startup.Neo4jAdminCommand', ...args],
    {
      encoding: 'utf8',
      stdio: [files.stdin ?? 'ignore', files.stdout ?? 'pipe', 'pipe'],
      env: { ...process.env, NEO4J_HOME: settings.home, NEO4J_CONF: layout(settings).conf },
    },
  );
  if (result.status !== 0) {
    const said = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n');
    // Progress lines ("Files: 3/71, data: 0.3%") say nothing about what went wrong.
    const lines = said.filter((line) => line.trim() !== '' && !/^Files: \d+\/\d+/.test(line));
    throw new Error(`${what} failed:\n${lines.join('\n')}`);
  }
  return result.stdout ?? '';
}

/** Writes this profile's neo4j.conf and makes its directories, as every start and admin task needs. */
export function prepareHome(settings: Neo4jSettings): void {
  const dirs = layout(settings);
  for (const dir of [dirs.conf, dirs.data, dirs.logs, dirs.run])
    mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirs.conf, 'neo4j.conf'), neo4jConf(settings));
}

function setInitialPassword(settings: Neo4jSettings): void {
  if (existsSync(join(layout(settings).data, 'dbms', 'auth.ini'))) return;
  neo4jAdmin(
    settings,
    ['dbms', 'set-initial-password', settings.password],
    'Setting the initial Neo4j password',
  );
}

async function boltAnswers(settings: Neo4jSettings): Promise<boolean> {
  const driver = createDriver({
    uri: boltUri(settings),
    user: settings.user,
    password: settings.password,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('Neo.ClientError.Security.')) {
      const variable =
        settings.profile === 'dev'
          ? 'NEO4J_PASSWORD'
          : `NEO4J_${settings.profile.toUpperCase()}_PASSWORD`;
      throw new Error(
        `The local Neo4j (${settings.profile}) rejected the password: its data in ${settings.home} ` +
          `was created with another ${variable}. Set that password again, or delete ` +
          `${settings.home} to start with an empty database.`,
      );
    }
    return false;
  } finally {
    await driver.close();
  }
}

/** Waits until Neo4j answers on Bolt ('up') or its process has gone ('exited'). */
async function waitForBolt(settings: Neo4jSettings, pid: number): Promise<'up' | 'exited'> {
  const deadline = Date.now() + settings.startTimeoutMs;
  while (Date.now() < deadline) {
    if (await boltAnswers(settings)) return 'up';
    if (!isAlive(pid)) return 'exited';
    await sleep(500);
  }
  throw new Error(
    `Neo4j did not answer on ${boltUri(settings)} within ${settings.startTimeoutMs / 1000}s. ` +
      `Last log lines:\n${logTail(settings)}`,
  );
}

export async function startNeo4j(settings: Neo4jSettings, log: Log): Promise<StartResult> {
  const uri = boltUri(settings);
  checkJava();
  ensureDistribution(settings.version, settings.libDir, log);
  const existing = runningPid(settings);
  if (existing !== undefined) {
    if ((await waitForBolt(settings, existing)) === 'up') {
      return { started: false, pid: existing, uri };
    }
    // It was on its way out (another start shutting down): start a Neo4j of our own.
    log(`The Neo4j that was running (pid ${existing}) has stopped.`);
  }
  const prefix = settings.profile === 'dev' ? 'NEO4J_' : `NEO4J_${settings.profile.toUpperCase()}_`;
  await assertPortFree(settings.boltPort, `${prefix}BOLT_PORT`);
  await assertPortFree(settings.httpPort, `${prefix}HTTP_PORT`);

  prepareHome(settings);
  setInitialPassword(settings);
  const dirs = layout(settings);

  log(`Starting Neo4j ${settings.version} (${settings.profile}) on ${uri} ...`);
  const out = openSync(dirs.consoleLog, 'a');
  const child = spawn(
    javaExecutable(),
    [
      ...jvmArgs(settings),
      '-cp',
      `${settings.libDir}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${settings.home}`,
      `--config-dir=${dirs.conf}`,
    ],
    { detached: true, stdio: ['ignore', out, out], cwd: settings.home },
  );
  if (child.pid === undefined) throw new Error(`Could not launch ${javaExecutable()}`);
  child.unref();
  writeFileSync(dirs.pidFile, `${child.pid}\n`);
  try {
    if ((await waitForBolt(settings, child.pid)) === 'exited') {
      throw new Error(`Neo4j exited during start-up. Last log lines:\n${logTail(settings)}`);
    }
  } catch (error) {
    await stopPid(child.pid, 30_000);
    removePidFile(settings, child.pid);
    throw error;
  }
  log(`Neo4j is up (pid ${child.pid}).`);
  return { started: true, pid: child.pid, uri };
}

/** Removes the pid file if it still names `pid`: a start that came after may have written its own. */
function removePidFile(settings: Neo4jSettings, pid: number): void {
  const { pidFile } = layout(settings);
  if (existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() === String(pid)) {
    rmSync(pidFile, { force: true });
  }
}

async function stopPid(pid: number, timeoutMs: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await sleep(200);
  }
  process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
}

/** Stops this profile's Neo4j cleanly (SIGTERM, then SIGKILL after a minute). */
export async function stopNeo4j(settings: Neo4jSettings, log: Log): Promise<boolean> {
  const pid = runningPid(settings);
  if (pid === undefined) return false;
  log(`Stopping Neo4j (${settings.profile}, pid ${pid}) ...`);
  await stopPid(pid, 60_000);
  removePidFile(settings, pid);
  log('Neo4j stopped.');
  return true;
}

/** Stops and deletes this profile's data and logs: the test profile starts every run empty. */
export async function wipeNeo4j(settings: Neo4jSettings, log: Log): Promise<void> {
  await stopNeo4j(settings, log);
  const dirs = layout(settings);
  rmSync(dirs.data, { recursive: true, force: true });
  rmSync(dirs.logs, { recursive: true, force: true });
}
