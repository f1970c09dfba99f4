import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../neo4j/settings.ts';
import { buildWeb, newestMtime } from './build-tools.mjs';

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
  buildWeb(ROOT, dist, build);
}
