// `npm run build` compiles the server to JavaScript; `npm start` and `npm run serve` then serve it
// from plain Node, with no tsx in the serving process's command line.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectTestDatabase } from '../helpers/database.ts';
import {
  commandLine,
  freePort,
  type Started,
  servingPid,
  startCommand,
  waitForReady,
} from '../helpers/serving-process.ts';

const root = join(import.meta.dirname, '..', '..');
const db = connectTestDatabase();

async function environment(): Promise<NodeJS.ProcessEnv & { PORT: string }> {
  const { uri, user, password } = inject('neo4j');
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
  };
}

/**
 * Runs an npm script until /ready answers, checks the serving process and its answers, stops it
 * with SIGTERM; `output` is everything it wrote, to its exit.
 */
async function serveAndCheck(script: string): Promise<{ output: string; commandLine: string }> {
  const env = await environment();
  const base = `http://127.0.0.1:${env.PORT}`;
  const started: Started = startCommand('npm', ['run', script], { cwd: root, env });
  try {
    await waitForReady(`${base}/ready`, started, 120_000);
    const line = commandLine(servingPid(Number(env.PORT)));
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"');
    const api = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    await started.stop();
    return { output: started.output(), commandLine: line };
  } finally {
    await started.stop();
  }
}

/** The JSON lines of a server's output (the rest is for people). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

beforeAll(async () => {
  await db.write('MATCH (n) DETACH DELETE n');
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  expect(build.status, build.stderr).toBe(0);
}, 240_000);

afterAll(async () => {
  await db.write('MATCH (n) DETACH DELETE n');
  await db.close();
});

// Each start is a process tree of its own over a real Neo4j: on a busy machine it takes a while.
describe('the production runtime', { timeout: 240_000 }, () => {
  it('npm run serve / serves the explorer and /graphql from the compiled server, no tsx', async () => {
    const { commandLine } = await serveAndCheck('serve');
    expect(commandLine).toMatch(/^\S*node\b/);
    expect(commandLine).toContain('scripts/serve.mjs');
    expect(commandLine).not.toMatch(/tsx/);
  });

  it('npm run serve / logs JSON lines: the Neo4j version it accepted, each request, a drained stop on SIGTERM', async () => {
    const { output } = await serveAndCheck('serve');
    const lines = logLines(output);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'Neo4j version accepted', neo4jVersion: expect.any(String) }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        path: '/graphql',
        operation: 'anonymous',
        outcome: 'answered',
        status: 200,
        requestId: expect.any(String),
      }),
    );
    const messages = lines.map((line) => line.msg);
    const shuttingDown = lines.filter((line) => line.msg === 'shutting down');
    expect(shuttingDown, output).toMatchObject([{ signal: 'SIGTERM' }]);
    expect(messages.indexOf('stopped'), output).toBeGreaterThan(messages.indexOf('shutting down'));
  });

  it('npm start / after a build compiles nothing and serves from compiled JavaScript, no tsx', async () => {
    const { output, commandLine } = await serveAndCheck('start');
    expect(output).not.toContain('Compiling');
    expect(commandLine).toContain(join('dist', 'scripts', 'start.js'));
    expect(commandLine).not.toMatch(/tsx/);
  });

  it('npm run serve without a build / says to build first, exit 1', () => {
    const bare = mkdtempSync(join(tmpdir(), 'entente-no-build-'));
    mkdirSync(join(bare, 'scripts', 'start'), { recursive: true });
    for (const file of ['serve.mjs', 'build.mjs', 'start/build-tools.mjs']) {
      cpSync(join(root, 'scripts', file), join(bare, 'scripts', file));
    }
    writeFileSync(join(bare, 'package.json'), '{"type": "module"}\n');
    const result = spawnSync('node', [join(bare, 'scripts', 'serve.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run `npm run build` first');
  });
});
