// Command-line parsing shared by the project's commands: node's parseArgs, strict, with a usage
// mistake reported as a UsageError that names the valid options (printed without a stack). It
// lives in seed/ so that the seeder depends on nothing in scripts/; the scripts import it.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake on the command line: the message is for the person who typed it. */
export class UsageError extends Error {}

/** "--dry-run, -y/--yes, --format" for the options of a parseArgs configuration. */
export function optionNames(options: NonNullable<ParseArgsConfig['options']>): string {
  return Object.entries(options)
    .map(([name, option]) => (option.short ? `-${option.short}/--${name}` : `--${name}`))
    .join(', ');
}

/** parseArgs, strict; an unknown option or stray argument throws a UsageError naming the valid ones. */
export function parseOptions<const T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs({ ...config, strict: true }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS_')) throw error;
    // Node's own text goes on about positionals after '--'; its first sentence is what matters.
    const first = (error as Error).message.split('. ')[0];
    throw new UsageError(`${first}. Valid options: ${optionNames(config.options ?? {})}.`);
  }
}

/**
 * Prints a command's failure: its error, and, when it could not reach the local Neo4j the
 * project manages (exit 2), how to start it.
 */
export function printFailure(result: { exitCode: number; error?: string }, managed: boolean): void {
  if (result.error) console.error(result.error);
  if (result.exitCode === 2 && managed) {
    console.error(
      'The local Neo4j is not running: start it with `npm run db:start` (or keep `npm start` running), or set NEO4J_URI.',
    );
  }
}

/**
 * Runs a command's `main` with the process's arguments and exits with the code it returns. An
 * error it throws is printed as its message alone when it is the user's to fix (a UsageError, or
 * what `plain` accepts), else as "Error: …", and exits `exitCodeOf(error)` (default 1).
 */
export function runCommand(
  main: (args: string[]) => Promise<number>,
  options: { plain?: (error: unknown) => boolean; exitCodeOf?: (error: unknown) => number } = {},
): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const plain = error instanceof UsageError || options.plain?.(error) === true;
      console.error(plain ? message : `Error: ${message}`);
      process.exitCode = options.exitCodeOf?.(error) ?? 1;
    },
  );
}
