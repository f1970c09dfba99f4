import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../neo4j/settings.ts';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    0,
  );
}

/** Builds web/ into dist unless the build is newer than every input. */
export function buildWebIfStale(dist: string, log: (line: string) => void): void {
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
  log('Building the web explorer ...');
  const result = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      // Vite takes NODE_ENV from the environment: under the test runner (NODE_ENV=test) it would
      // build React's development bundle, and a later `npm start` would serve it.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The web build failed (see above).');
}
