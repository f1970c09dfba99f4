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
