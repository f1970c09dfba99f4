import type { YogaLogger } from 'graphql-yoga';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

/**
 * The server's log: one JSON object per line on stdout (or on `destination`, which tests use to
 * read what was logged), each with a level, a time and a message.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'entente' } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Yoga's logger over pino, so that Yoga's own lines (masked unexpected errors with their stack)
 * are JSON lines too. Yoga calls each level with one message or one error.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (first: unknown, ...rest: unknown[]) => {
      if (first instanceof Error) logger[level]({ err: first }, first.message);
      else if (typeof first === 'object' && first !== null) logger[level](first, ...(rest as []));
      else logger[level]([first, ...rest].map(String).join(' '));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
