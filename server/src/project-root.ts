import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest folder above `from` that holds a package.json: the repository root, whether this
 * code runs from its sources (server/src) or compiled (dist/server/src), which sit at different
 * depths.
 */
export function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

/** The repository root: web/dist, seed/datasets, .data and .cache are found from here. */
export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
