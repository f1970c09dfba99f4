import type { LogLevel } from '../../server/src/config.ts';
import { createLogger } from '../../server/src/logger.ts';

/** A log line as the server writes it: pino's level number, msg, and the line's own fields. */
// biome-ignore lint/suspicious/noExplicitAny: each test asserts the fields it needs
export type LogLine = Record<string, any>;

/** A logger that keeps its JSON lines, parsed, for a test to read. */
export function captureLogs(level: LogLevel = 'info') {
  const lines: LogLine[] = [];
  const logger = createLogger(level, {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line));
    },
  });
  return { logger, lines };
}

/** pino's number of the warn level. */
export const WARN = 40;
