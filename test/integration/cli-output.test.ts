// What the commands print for people and for programs: progress on stderr as plain lines when
// it is not a terminal (none with --json), and with --json one JSON document alone on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { connectTestDatabase } from '../helpers/database.ts';

const root = join(import.meta.dirname, '..', '..');
const db = connectTestDatabase();

// Each command is a process of its own over a real Neo4j: on a busy machine one takes a minute.
const COMMAND_MS = 240_000;

beforeAll(() => {
  // The commands compile dist/ when it is stale; do it once here, not inside a timed test.
  const build = spawnSync('node', [join(root, 'scripts', 'build.mjs'), '--server-only'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
});
beforeEach(() => db.write('MATCH (n) DETACH DELETE n'));
afterAll(async () => {
  await db.write('MATCH (n) DETACH DELETE n');
  await db.close();
});

/** An npm command through bootstrap.mjs, as `npm run` calls it, on the test Neo4j; stdout is a pipe. */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { uri, user, password } = inject('neo4j');
  const result = spawnSync('node', [join(root, 'scripts', 'bootstrap.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, ...env },
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const PROGRESS = /^(generating|writing) [a-z]+: [\d,]+\/[\d,]+ \(\d+ %\)$/;

describe('npm run seed:synthetic', { timeout: COMMAND_MS }, () => {
  it('off a terminal / prints progress lines on stderr while it generates and writes', () => {
    const { status, out, err } = run(['seed:synthetic', '--entities', '4000', '--seed', '3']);
    expect(status, err).toBe(0);
    const lines = err.split('\n').filter((line) => PROGRESS.test(line));
    expect(lines).toContain('generating entities: 4,000/4,000 (100 %)');
    expect(lines).toContain('writing entities: 0/4,000 (0 %)');
    expect(lines).toContain('writing entities: 4,000/4,000 (100 %)');
    expect(
      lines.some((line) => /^writing relationships: [\d,]+\/[\d,]+ \(100 %\)$/.test(line)),
    ).toBe(true);
    expect(out.trim()).toMatch(/^Synthetic graph \(seed 3\): 4000 entities in [\d.]+ s/);
  });

  it('with --json / prints only the result as JSON, holding the counts, and no progress', async () => {
    const { status, out, err } = run(['seed:synthetic', '--entities', '2000', '--json']);
    expect(status, err).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ seed: 1, entities: 2000 });
    expect(result.relationships).toBeGreaterThan(5000);
    expect(err.split('\n').filter((line) => PROGRESS.test(line))).toEqual([]);
    const [row] = await db.read<{ count: number }>('MATCH (e:Entity) RETURN count(e) AS count');
    expect(row?.count).toBe(2000);
  });
});

describe('npm run seed', { timeout: COMMAND_MS }, () => {
  it('with --json / prints one JSON document with each dataset’s counts, nothing else on stdout', () => {
    const { status, out, err } = run(['seed', '--json']);
    expect(status, err).toBe(0);
    const result = JSON.parse(out);
    expect(result.exitCode).toBe(0);
    expect(result.problems).toEqual([]);
    const ids = result.reports.map((report: { dataset: string }) => report.dataset).sort();
    expect(ids).toEqual(['cyber-cooperation', 'cyber-restrictions', 'kaspersky-eu-2018']);
    for (const report of result.reports) expect(report.entities.created).toBeGreaterThan(0);
  });

  it('an FtM import off a terminal / prints progress lines of its writes on stderr', () => {
    const file = join(root, 'test', 'fixtures', 'ftm', 'mappings.ftm.jsonl');
    const { status, err } = run(['seed', '--dataset', 'ftm-progress', file]);
    expect(status, err).toBe(0);
    const lines = err.split('\n').filter((line) => PROGRESS.test(line));
    expect(lines.some((line) => /^writing entities: [\d,]+\/[\d,]+ \(100 %\)$/.test(line))).toBe(
      true,
    );
  });
});

describe('npm run db:status', { timeout: COMMAND_MS }, () => {
  it('with --json / says as JSON whether the profile’s Neo4j runs and where', () => {
    // The test profile's Neo4j is the one these tests run on, unless told to use another.
    if (process.env.ENTENTE_TEST_NEO4J_URI) return;
    const { status, out } = run(['db', 'status', '--profile', 'test', '--json'], {
      NEO4J_URI: '',
    });
    expect(status).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      managed: true,
      profile: 'test',
      running: true,
      uri: inject('neo4j').uri,
    });
  });

  it('with --json and NEO4J_URI / says that Neo4j is not managed here', () => {
    const { status, out } = run(['db', 'status', '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual({ managed: false, uri: inject('neo4j').uri });
  });
});

describe('npm run export', { timeout: COMMAND_MS }, () => {
  const out = mkdtempSync(join(tmpdir(), 'entente-export-cli-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('off a terminal / prints reading progress on stderr and names each folder with its counts', () => {
    expect(run(['seed']).status).toBe(0);
    const target = join(out, 'graph');
    const { status, out: stdout, err } = run(['export', '--out', target]);
    expect(status, err).toBe(0);
    expect(err.split('\n')).toContainEqual(
      expect.stringMatching(/^reading entities: [\d,]+\/[\d,]+ \(100 %\)$/),
    );
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(`Exported 3 dataset(s) to ${target}:`);
    expect(lines[1]).toBe(
      '  01-kaspersky-eu-2018/  15 entities, 20 relationships, 24 sources, 0 added phases',
    );
    expect(readdirSync(target)).toEqual([
      '01-kaspersky-eu-2018',
      '02-cyber-cooperation',
      '03-cyber-restrictions',
    ]);
  });

  it('without --out / says it is required, exit 1', () => {
    const { status, err } = run(['export']);
    expect(status).toBe(1);
    expect(err).toContain('--out DIR is required');
  });

  it('with Neo4j unreachable / names the URI, exit 2, and writes nothing', () => {
    const target = join(out, 'unreachable');
    const { status, err } = run(['export', '--out', target], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(status).toBe(2);
    expect(err).toContain('Neo4j at bolt://127.0.0.1:1 is unreachable');
    expect(existsSync(target)).toBe(false);
  });
});
