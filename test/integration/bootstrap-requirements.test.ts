// bootstrap.mjs stops at once, naming the command to run, when a requirement is missing and it
// may not install it: here PATH holds node alone, so there is neither Java, Maven nor apt-get.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = mkdtempSync(join(tmpdir(), 'entente-node-only-'));
symlinkSync(process.execPath, join(bin, 'node'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function bootstrap(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const { JAVA_HOME: _java, NEO4J_URI: _uri, ENTENTE_TEST_NEO4J_URI: _test, ...env } = process.env;
  const started = Date.now();
  const result = spawnSync(join(bin, 'node'), [join(root, 'scripts', 'bootstrap.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...env, PATH: bin, ...extra },
    timeout: 20_000,
  });
  return { status: result.status, err: result.stderr, seconds: (Date.now() - started) / 1000 };
}

describe('bootstrap.mjs without Java, Maven or apt-get', () => {
  it('npm test / stops within seconds naming the packages and ENTENTE_TEST_NEO4J_URI', () => {
    const { status, err, seconds } = bootstrap(['test']);
    expect(status).toBe(1);
    expect(seconds).toBeLessThan(5);
    expect(err).toContain('npm test needs what this machine lacks: Java 17 or newer');
    expect(err).toContain('apt-get install openjdk-17-jre-headless maven');
    expect(err).toContain('Or set ENTENTE_TEST_NEO4J_URI');
  });

  it('when CHROMIUM_PATH names nothing / says so rather than installing Debian’s', () => {
    const { status, err } = bootstrap(['test'], {
      ENTENTE_TEST_NEO4J_URI: 'bolt://127.0.0.1:1',
      CHROMIUM_PATH: '/nonexistent/chromium',
    });
    expect(status).toBe(1);
    expect(err).toContain('CHROMIUM_PATH names /nonexistent/chromium, which is not an executable.');
  });

  it('db:status / needs neither Java nor Maven and goes on', () => {
    const { err } = bootstrap(['db', 'status'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(err).not.toContain('needs what this machine lacks');
  });
});
