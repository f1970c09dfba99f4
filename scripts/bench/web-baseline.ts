// The front-end benchmark's "before": the explorer as an earlier commit built it, so the current
// code and that commit are measured in the same run, in the same browser, on the same machine.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../neo4j/settings.ts';
import { buildWeb } from '../start/build-tools.mjs';

/** The last commit before the canvas's large-graph path: the default "before". */
export const BASELINE_COMMIT = 'd0e696b';

function git(args: string[], input?: Buffer): Buffer {
  const result = spawnSync('git', args, { cwd: ROOT, input, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.toString()}`);
  return result.stdout;
}

/**
 * The test build (web/dist-test, with the renderer hook) of `ref`'s explorer: its files unpacked
 * by `git archive` into a scratch directory under the system's temporary one, with this
 * checkout's node_modules linked in (the libraries the build needs are the same versions), built
 * once per commit and reused.
 */
export function buildBaseline(
  ref: string,
  log: (line: string) => void,
): { commit: string; dist: string } {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`])
    .toString()
    .trim();
  const dir = join(tmpdir(), `entente-bench-web-${commit.slice(0, 12)}`);
  const dist = join(dir, 'web', 'dist-test');
  if (existsSync(join(dist, 'index.html'))) return { commit, dist };
  log(`Building the explorer as of ${commit.slice(0, 12)} for comparison ...`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = git(['archive', '--format=tar', commit]);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive, maxBuffer: 1 << 30 });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr.toString()}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  buildWeb(dir, dist, 'test');
  return { commit, dist };
}
