// The benchmarks' command-line options: whole numbers with defaults, refused by name when not,
// and a --help generated from the same defaults.

import { basename } from 'node:path';
import { parseOptions, UsageError } from '../../seed/src/cli-options.ts';

const DESCRIPTIONS: Record<string, string> = {
  entities: 'entities in the synthetic graph',
  seed: 'seed of the synthetic graph (the same seed, the same graph)',
  requests: 'requests per workload',
  concurrency: 'requests in flight at once',
  'cap-seconds': 'no new block of requests after this many seconds per workload',
  rounds: 'timed rounds of each load',
  runs: 'timed runs of each way to start',
};

const WIPES = 'Wipes the `bench` Neo4j, seeds it and writes the results into docs/BENCHMARKS.md.';

/** The help text of `npm run bench:<name>` for these defaults; `summary` says what it does. */
export function benchUsage(
  name: string,
  defaults: Record<string, number>,
  summary: string = WIPES,
): string {
  const rows = Object.entries(defaults).map(
    ([option, value]) =>
      `  --${`${option} N`.padEnd(16)} ${DESCRIPTIONS[option] ?? option} (default: ${value})`,
  );
  const [first = 'entities'] = Object.keys(defaults);
  return `Usage: npm run bench:${name} -- [options]

${summary}

Options:
${rows.join('\n')}
  -h, --help         this text

Example:
  npm run bench:${name} -- --${first} ${Math.max(1, Math.round((defaults[first] ?? 10) / 10))}`;
}

/**
 * Parses `--name N` options, each a whole number; `seed` may be any whole number, the others
 * must be at least 1. A bad value or an unknown option throws a UsageError naming it;
 * `--help` gives `help: true` instead of values.
 */
export function parseWholeNumbers<const Name extends string>(
  defaults: Record<Name, number>,
  args: string[],
): { help: true } | { help: false; values: Record<Name, number> } {
  const { values } = parseOptions({
    args,
    options: {
      ...Object.fromEntries(
        Object.entries(defaults).map(([name, value]) => [
          name,
          { type: 'string' as const, default: String(value) },
        ]),
      ),
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  const parsed = Object.fromEntries(
    Object.keys(defaults).map((name) => {
      const raw = (values as Record<string, unknown>)[name] as string;
      const value = Number(raw);
      const minimum = name === 'seed' ? Number.MIN_SAFE_INTEGER : 1;
      if (!Number.isSafeInteger(value) || value < minimum) {
        const wanted = name === 'seed' ? 'a whole number' : 'a whole number >= 1';
        throw new UsageError(`--${name} must be ${wanted}, got ${raw}`);
      }
      return [name, value];
    }),
  ) as Record<Name, number>;
  return { help: false, values: parsed };
}

/**
 * The command line of the running benchmark: prints the help and exits 0 for --help, prints
 * the mistake and exits 1 for a bad option, else returns the values.
 */
export function wholeNumberOptions<const Name extends string>(
  defaults: Record<Name, number>,
  summary?: string,
): Record<Name, number> {
  const name = basename(process.argv[1] ?? 'bench', '.ts');
  try {
    const result = parseWholeNumbers(defaults, process.argv.slice(2));
    if (result.help) {
      console.log(benchUsage(name, defaults, summary));
      process.exit(0);
    }
    return result.values;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nRun \`npm run bench:${name} -- --help\` for the options.`);
    process.exit(1);
  }
}
