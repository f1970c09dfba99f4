import { describe, expect, it } from 'vitest';
import { optionNames, parseOptions, UsageError } from './cli-options.ts';

const options = {
  entities: { type: 'string', default: '10' },
  help: { type: 'boolean', short: 'h' },
} as const;

describe('parseOptions', () => {
  it('parses known options with their defaults', () => {
    expect(parseOptions({ args: ['-h'], options }).values).toEqual({ entities: '10', help: true });
  });

  it('when an option is unknown / names it and every valid one', () => {
    const parse = () => parseOptions({ args: ['--entitys', '5'], options });
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow("Unknown option '--entitys'. Valid options: --entities, -h/--help.");
  });

  it('when a stray argument is given to a command without positionals / refuses it', () => {
    expect(() => parseOptions({ args: ['extra'], options })).toThrow(
      /Unexpected argument 'extra'.*Valid options: --entities/,
    );
  });

  it('when a string option lacks its value / says so', () => {
    expect(() => parseOptions({ args: ['--entities'], options })).toThrow(
      /--entities <value>' argument missing/,
    );
  });
});

describe('optionNames', () => {
  it('lists short forms beside long ones', () => {
    expect(optionNames(options)).toBe('--entities, -h/--help');
  });
});
