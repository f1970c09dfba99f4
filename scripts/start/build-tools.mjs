// The steps of a build that both `npm run build` (scripts/build.mjs, before anything is compiled)
// and the compiled `npm start` (web-build.ts) take. Plain JavaScript for the first; every path is
// an argument, so the copy compiled into dist/ finds the same files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time (ms) of a file or anything under a folder; 0 when missing. */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    0,
  );
}

/**
 * `vite build` of root/web in a mode (vite.config.ts: `production` for what the server serves,
 * `test` adds the test hook) into dist.
 */
export function buildWeb(root, dist, mode) {
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--mode', mode, '--outDir', dist, '--logLevel', 'warn'],
    {
      cwd: root,
      // Vite takes NODE_ENV from the environment: under the test runner (NODE_ENV=test) it would
      // build React's development bundle, and a later `npm start` would serve it. The test build
      // is the production one plus the hook, so it runs React's production bundle too.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The web build failed (see above).');
}
