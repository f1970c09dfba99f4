import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { FtmProperties } from '../../../server/src/exchange/ftm-schemata.ts';
import type { Problem } from '../model.ts';

/** One FtM entity as read: several lines with the same id are fragments of one entity. */
export interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: FtmProperties;
  line: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** FtM promises lists of strings; a lone string is accepted as a list of one, anything else dropped. */
function toProperties(value: unknown): FtmProperties {
  if (!isObject(value)) return {};
  const out: FtmProperties = {};
  for (const [key, raw] of Object.entries(value)) {
    const list = Array.isArray(raw) ? raw : [raw];
    out[key] = list.filter((item): item is string => typeof item === 'string');
  }
  return out;
}

/** One line as an FtM entity, or what is wrong with it. */
function parseLine(raw: string): Omit<FtmEntity, 'line'> | string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return `not a JSON object: ${(error as Error).message}`;
  }
  if (!isObject(json)) return 'not a JSON object: each line must be one FtM entity';
  const { id, schema, caption } = json;
  if (typeof id !== 'string' || id.trim() === '') return 'FtM entity without an "id"';
  if (typeof schema !== 'string' || schema.trim() === '')
    return `FtM entity "${id}" without a "schema"`;
  const properties = toProperties(json.properties);
  return { id, schema, properties, caption: typeof caption === 'string' ? caption : undefined };
}

/** Bytes read of the file's size, while one pass over its lines runs; awaited. */
export type ReadProgress = (progress: {
  pass: FtmPass;
  done: number;
  total: number;
}) => void | Promise<void>;

/** The passes over a file: one to check every line and index its ids, then one per part. */
export type FtmPass = 'checking' | 'entities' | 'relationships';

/** How often, in lines, reading reports progress. */
const PROGRESS_LINES = 10_000;

/** What the first pass keeps of an id: its schema, its first line, and how many lines give it. */
interface Indexed {
  schema: string;
  line: number;
  parts: number;
}

/**
 * A line file, checked and indexed by one pass, that later passes read again record by record.
 * Only the ids are held (and the fragments of an entity split over several lines until its last
 * one is read), never the records: memory grows with the number of ids, not with the file.
 */
export interface FtmLines {
  file: string;
  /** Every id of the file, in the order first seen. */
  ids: ReadonlyMap<string, Indexed>;
  /** The records of the schemata `want` takes, fragments merged, one at a time. */
  records(want: (schema: string) => boolean, pass: FtmPass): AsyncGenerator<FtmEntity>;
}

async function* linesOf(
  file: string,
  pass: FtmPass,
  onProgress?: ReadProgress,
): AsyncGenerator<{ raw: string; line: number }> {
  const total = (await stat(file)).size;
  const input = createReadStream(file, { encoding: 'utf8' });
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line += 1;
    if (line % PROGRESS_LINES === 0) await onProgress?.({ pass, done: input.bytesRead, total });
    if (raw.trim() !== '') yield { raw, line };
  }
  await onProgress?.({ pass, done: total, total });
}

/**
 * Checks every line of a file as a stream, one line at a time (so its size is bounded neither
 * by memory nor by the longest string V8 can make): a line that cannot be an FtM entity, or
 * gives an id another schema than an earlier line did, is a problem at that line. A read error
 * is thrown. `onLine` sees each line's fragment as it is read, for what a later pass needs to know.
 */
export async function scanLines(
  file: string,
  problems: Problem[],
  onProgress?: ReadProgress,
  onLine?: (fragment: Omit<FtmEntity, 'line'>) => void,
): Promise<FtmLines> {
  const ids = new Map<string, Indexed>();
  for await (const { raw, line } of linesOf(file, 'checking', onProgress)) {
    const parsed = parseLine(raw);
    if (typeof parsed === 'string') {
      problems.push({ file, line, col: 1, message: parsed });
      continue;
    }
    onLine?.(parsed);
    const seen = ids.get(parsed.id);
    if (!seen) ids.set(parsed.id, { schema: parsed.schema, line, parts: 1 });
    else if (seen.schema !== parsed.schema) {
      const message = `FtM id "${parsed.id}" is a ${parsed.schema} here but a ${seen.schema} at line ${seen.line}`;
      problems.push({ file, line, col: 1, message });
    } else seen.parts += 1;
  }
  return {
    file,
    ids,
    async *records(want, pass) {
      // Unaggregated FtM streams repeat an id once per fragment; the fragments add up, and the
      // entity is whole at its last one.
      const pending = new Map<string, { entity: FtmEntity; left: number }>();
      for await (const { raw, line } of linesOf(file, pass, onProgress)) {
        const parsed = parseLine(raw);
        if (typeof parsed === 'string' || !want(parsed.schema)) continue;
        const indexed = ids.get(parsed.id);
        if (!indexed || indexed.schema !== parsed.schema) continue;
        if (indexed.parts === 1) {
          yield { ...parsed, line };
          continue;
        }
        const open = pending.get(parsed.id);
        if (!open) {
          pending.set(parsed.id, { entity: { ...parsed, line }, left: indexed.parts - 1 });
          continue;
        }
        const { properties } = open.entity;
        for (const [key, values] of Object.entries(parsed.properties)) {
          properties[key] = [...new Set([...(properties[key] ?? []), ...values])];
        }
        open.left -= 1;
        if (open.left === 0) {
          pending.delete(parsed.id);
          yield open.entity;
        }
      }
    },
  };
}
