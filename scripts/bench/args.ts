// The benchmarks' command-line options: whole numbers with defaults, refused by name when not.

import { parseArgs } from 'node:util';

/**
 * Parses `--name N` options, each a whole number; `seed` may be any whole number, the others
 * must be at least 1. A bad value throws, naming the option.
 */
export function wholeNumberOptions<const Name extends string>(
  defaults: Record<Name, number>,
): Record<Name, number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: Object.fromEntries(
      Object.entries(defaults).map(([name, value]) => [
        name,
        { type: 'string' as const, default: String(value) },
      ]),
    ),
  });
  return Object.fromEntries(
    Object.keys(defaults).map((name) => {
      const value = Number(values[name]);
      const minimum = name === 'seed' ? Number.MIN_SAFE_INTEGER : 1;
      if (!Number.isSafeInteger(value) || value < minimum) {
        const wanted = name === 'seed' ? 'a whole number' : 'a whole number >= 1';
        throw new Error(`--${name} must be ${wanted}, got ${values[name]}`);
      }
      return [name, value];
    }),
  ) as Record<Name, number>;
}
