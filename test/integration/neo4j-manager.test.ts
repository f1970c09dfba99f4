import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layout, neo4jConf } from '../../scripts/neo4j/config-file.ts';
import { ensureDistribution } from '../../scripts/neo4j/distribution.ts';
import { runningPid, startNeo4j, stopNeo4j } from '../../scripts/neo4j/server.ts';
import { neo4jSettings } from '../../scripts/neo4j/settings.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { scratchSettings } from '../helpers/scratch-neo4j.ts';

const quiet = () => {};

// Two tests start a Neo4j twice; one start takes close to a minute on a busy 2-core machine.
describe('the local Neo4j manager', { timeout: 240_000 }, () => {
  const homes: string[] = [];
  afterAll(() => {
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  });

  it('writes a config that listens on 127.0.0.1 only, on the profile ports', async () => {
    const settings = await scratchSettings();
    homes.push(settings.home);
    const conf = neo4jConf(settings);
    expect(conf).toContain('server.default_listen_address=127.0.0.1');
    expect(conf).toContain(`server.bolt.listen_address=127.0.0.1:${settings.boltPort}`);
    expect(conf).toContain(`server.http.listen_address=127.0.0.1:${settings.httpPort}`);
    expect(conf).toContain(`server.directories.data=${settings.home}/data`);
    expect(conf).not.toMatch(/0\.0\.0\.0/);
  });

  it('downloads nothing when the distribution is already resolved', () => {
    const settings = neo4jSettings('test');
    const before = readFileSync(join(settings.libDir, '.complete'), 'utf8');
    expect(ensureDistribution(settings.version, settings.libDir, quiet)).toBe(false);
    expect(readFileSync(join(settings.libDir, '.complete'), 'utf8')).toBe(before);
  });

  it('treats a pid file naming a dead or foreign process as stale and removes it', async () => {
    const settings = await scratchSettings();
    homes.push(settings.home);
    const { pidFile, run } = layout(settings);
    mkdirSync(run, { recursive: true });
    writeFileSync(pidFile, `${process.pid}\n`); // alive, but not a Neo4j
    expect(runningPid(settings)).toBeUndefined();
    writeFileSync(pidFile, '999999\n'); // no such process
    expect(runningPid(settings)).toBeUndefined();
    expect(() => readFileSync(pidFile)).toThrow();
  });

  it('refuses to start when the Bolt port is taken, naming the variable to change', async () => {
    const settings = await scratchSettings();
    homes.push(settings.home);
    const blocker = createServer().listen(settings.boltPort, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      await expect(startNeo4j(settings, quiet)).rejects.toThrow(/NEO4J_TEST_BOLT_PORT/);
    } finally {
      blocker.close();
    }
  });

  it('starts again after a kill -9 of its Neo4j, with the data intact, and stops cleanly', async () => {
    const settings = await scratchSettings();
    homes.push(settings.home);
    const first = await startNeo4j(settings, quiet);
    expect(first.started).toBe(true);
    const auth = { uri: first.uri, user: settings.user, password: settings.password };
    let driver = createDriver(auth);
    await driver.executeQuery('CREATE (:Survivor {name: "kept"})');
    await driver.close();

    process.kill(first.pid, 'SIGKILL');
    spawnSync('sleep', ['1']);

    const second = await startNeo4j(settings, quiet);
    expect(second.started).toBe(true);
    expect(second.pid).not.toBe(first.pid);
    driver = createDriver(auth);
    const { records } = await driver.executeQuery('MATCH (s:Survivor) RETURN s.name AS name');
    await driver.close();
    expect(records.map((record) => record.get('name'))).toEqual(['kept']);

    const again = await startNeo4j(settings, quiet);
    expect(again).toMatchObject({ started: false, pid: second.pid });

    expect(await stopNeo4j(settings, quiet)).toBe(true);
    expect(runningPid(settings)).toBeUndefined();
    expect(() => process.kill(second.pid, 0)).toThrow();
  });

  it('starts a Neo4j of its own when the one it found running goes away while it waits', async () => {
    const settings = await scratchSettings();
    homes.push(settings.home);
    const first = await startNeo4j(settings, quiet);
    // Frozen, it holds Bolt connections unanswered, as a Neo4j on its way out does; then it goes.
    process.kill(first.pid, 'SIGSTOP');
    const gone = setTimeout(() => process.kill(first.pid, 'SIGKILL'), 2000);
    const lines: string[] = [];
    try {
      const second = await startNeo4j(settings, (line) => lines.push(line));
      expect(second.started).toBe(true);
      expect(second.pid).not.toBe(first.pid);
      expect(lines[0]).toBe(`The Neo4j that was running (pid ${first.pid}) has stopped.`);
      expect(runningPid(settings)).toBe(second.pid);
    } finally {
      clearTimeout(gone);
      await stopNeo4j(settings, quiet);
    }
    expect(runningPid(settings)).toBeUndefined();
  });
});
