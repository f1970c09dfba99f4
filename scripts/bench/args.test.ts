import { describe, expect, it } from 'vitest';
import { UsageError } from '../../seed/src/cli-options.ts';
import { benchUsage, parseWholeNumbers } from './args.ts';

const defaults = { entities: 100_000, seed: 1, rounds: 3 };

describe('parseWholeNumbers', () => {
  it('reads whole numbers and keeps the defaults of the rest', () => {
    expect(parseWholeNumbers(defaults, ['--entities', '500', '--seed=-4'])).toEqual({
      help: false,
      values: { entities: 500, seed: -4, rounds: 3 },
    });
  });

  it('when --help is given / asks for the help instead of values', () => {
    expect(parseWholeNumbers(defaults, ['--help'])).toEqual({ help: true });
    expect(parseWholeNumbers(defaults, ['-h'])).toEqual({ help: true });
  });

  it('when an option is unknown / names the valid ones', () => {
    expect(() => parseWholeNumbers(defaults, ['--entites', '5'])).toThrow(
      "Unknown option '--entites'. Valid options: --entities, --seed, --rounds, -h/--help.",
    );
  });

  it('when a value is not a whole number >= 1 / names the option', () => {
    const parse = () => parseWholeNumbers(defaults, ['--rounds', '0']);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow('--rounds must be a whole number >= 1, got 0');
    expect(() => parseWholeNumbers(defaults, ['--seed', '1.5'])).toThrow(
      '--seed must be a whole number, got 1.5',
    );
  });
});

describe('benchUsage', () => {
  it('lists every option with its default, and an example', () => {
    const usage = benchUsage('seed', defaults);
    expect(usage).toMatch(/^Usage: npm run bench:seed -- \[options\]/);
    expect(usage).toMatch(/--entities N\s+entities in the synthetic graph \(default: 100000\)/);
    expect(usage).toMatch(/--rounds N\s+timed rounds of each load \(default: 3\)/);
    expect(usage).toContain('npm run bench:seed -- --entities 10000');
  });
});
