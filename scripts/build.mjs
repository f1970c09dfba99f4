#!/usr/bin/env node
// `npm run build`: compiles the server, the seeder and the start and Neo4j scripts into dist/
// (tsconfig.build.json) and builds the web explorer into web/dist. Plain JavaScript, because
// bootstrap.mjs calls it before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb, newestMtime } from './start/build-tools.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the compiled JavaScript goes, mirroring the source tree: dist/server/src/main.js. */
export const DIST = join(ROOT, 'dist');

/** Written last by a compile that succeeded: its mtime is the build's age. */
const STAMP = join(DIST, '.built');

/** What the compiled code is made from. */
const SERVER_INPUTS = [
  'server/src',
  'seed/src',
  'scripts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

/** The compiled file of a source under the root, e.g. `server/src/main.ts` -> dist/server/src/main.js. */
export function compiled(source) {
  return join(DIST, source.replace(/\.ts$/, '.js'));
}

/** True when dist/ holds a complete compile at least as new as every source. */
export function compiledCurrent() {
  if (!existsSync(STAMP)) return false;
  const newest = Math.max(...SERVER_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  return statSync(STAMP).mtimeMs >= newest;
}

/**
 * Compiles into a fresh folder and swaps it in whole, so a source that was removed leaves no
 * stale JavaScript behind and a failed compile leaves the previous build as it was.
 */
export function compileServer(log = console.log) {
  log('Compiling the server, seeder and scripts (dist/) ...');
  // The stamp takes the time the compile began: a source saved while tsc ran is newer than it.
  const began = new Date();
  const next = `${DIST}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const result = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'tsc'),
    ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', next],
    // On stderr, like every line a build prints: a command's stdout may be its --json report.
    { cwd: ROOT, stdio: ['ignore', 2, 2] },
  );
  if (result.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    throw new Error('Compiling failed (see above).');
  }
  const stamp = join(next, '.built');
  writeFileSync(stamp, `${began.toISOString()}\n`);
  utimesSync(stamp, began, began);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(next, DIST);
}

/** Compiles unless dist/ is newer than every source. */
export function compileIfStale(log = console.log) {
  if (!compiledCurrent()) compileServer(log);
}

const USAGE = `Usage: npm run build [-- options]

Compiles the server, the seeder and the scripts into dist/ and builds the web explorer into
web/dist. \`npm run serve\` runs the result; \`npm start\` builds whatever is stale by itself.

Options:
  --server-only      compile dist/ only, not the web explorer (default: off)
  -h, --help         this text`;

function main(args) {
  const valid = ['--server-only', '--help', '-h'];
  const unknown = args.find((arg) => !valid.includes(arg));
  if (unknown) {
    console.error(`Unknown option '${unknown}'. Valid options: --server-only, -h/--help.`);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  compileServer();
  if (!args.includes('--server-only')) {
    console.log('Building the web explorer (web/dist) ...');
    buildWeb(ROOT, join(ROOT, 'web', 'dist'), 'production');
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
