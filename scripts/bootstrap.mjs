#!/usr/bin/env node
// The entry point of every npm script that must work on a fresh clone: it installs the npm
// dependencies when they are missing or older than the lockfile, installs (or names) the system
// packages the command needs, compiles dist/ when a source is newer than it, then hands over to
// the compiled command on plain Node. Plain JavaScript, because nothing else is installed yet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiled, compileIfStale } from './build.mjs';
import { ensureRequirements } from './system-requirements.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function dependenciesCurrent() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs;
}

const [command, ...rest] = process.argv.slice(2);
// Before npm ci, so that a machine without Chromium or Java hears it in the first seconds.
const requirements = ensureRequirements(command, rest);
if (requirements !== 0) process.exit(requirements);

if (!dependenciesCurrent()) {
  // What this file prints goes to stderr: a command's stdout may be its --json report.
  console.error('Installing npm dependencies (npm ci) ...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['inherit', 2, 2],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Each command but `test` runs compiled JavaScript; tsx is for the development tools alone.
const node = (source) => [process.execPath, ['--enable-source-maps', compiled(source), ...rest]];
const commands = {
  start: () => node('scripts/start.ts'),
  test: () => [bin('vitest'), ['run', ...rest]],
  db: () => node('scripts/neo4j/cli.ts'),
  seed: () => node('seed/src/cli.ts'),
  'seed:synthetic': () => node('seed/src/synthetic-cli.ts'),
  export: () => node('seed/src/export-cli.ts'),
  measures: () => node('seed/src/measures-cli.ts'),
};
if (!commands[command]) {
  console.error(
    `bootstrap: unknown command "${command}" (start, test, db, seed, seed:synthetic, export, measures)`,
  );
  process.exit(1);
}
if (command !== 'test') {
  try {
    compileIfStale((line) => console.error(line));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
const entry = commands[command]();
const child = spawn(entry[0], entry[1], { cwd: root, stdio: 'inherit' });
// The child shares the terminal's process group, so Ctrl-C reaches it directly; forward
// SIGTERM (sent to this process alone by supervisors) so the child can shut down cleanly.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
