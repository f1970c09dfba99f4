import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../neo4j/settings.ts';

/**
 * The two builds of web/: `production`, what `npm start` serves, and `test`, the same app with
 * the test hook (`window.__entente`, web/src/graph/test-hook.ts) that the browser tests and the
 * web benchmark drive. Vite's mode decides which: the hook is kept only when it is `test`.
 */
export type WebBuild = 'production' | 'test';

/** Where each build goes (vite.config.ts picks the same directory by mode). */
export const WEB_DIST: Record<WebBuild, string> = {
  production: join(ROOT, 'web', 'dist'),
  test: join(ROOT, 'web', 'dist-test'),
};

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    0,
  );
}

/** Builds web/ in the given mode into dist unless the build there is newer than every input. */
export function buildWebIfStale(
  dist: string,
  log: (line: string) => void,
  build: WebBuild = 'production',
): void {
  const inputs = [
    'web/src',
    'web/index.html',
    'vite.config.ts',
    'package-lock.json',
    'server/src/domain',
  ];
  const newestInput = Math.max(...inputs.map((input) => newestMtime(join(ROOT, input))));
  const built = join(dist, 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestInput) return;
  log(
    build === 'test' ? 'Building the web explorer for tests ...' : 'Building the web explorer ...',
  );
  const result = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--mode', build, '--outDir', dist, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      // Vite takes NODE_ENV from the environment: under the test runner (NODE_ENV=test) it would
      // build React's development bundle, and a later `npm start` would serve it. The test build
      // is the production one plus the hook, so it runs React's production bundle too.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The web build failed (see above).');
}
