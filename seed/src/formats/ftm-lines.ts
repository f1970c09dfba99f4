import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Problem } from '../model.ts';
import type { FtmProperties } from './ftm-mapping.ts';

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

/** Bytes read of the file's size, while its lines are read. */
export type ReadProgress = (progress: { done: number; total: number }) => void;

/** How often, in lines, reading reports progress. */
const PROGRESS_LINES = 10_000;

/**
 * The entities of a line file, fragments merged; a line that cannot be one is a problem at that
 * line. The file is read as a stream, one line at a time, so its size is bounded by the records
 * it holds, not by the longest string V8 can make; a read error is thrown.
 */
export async function readLines(
  file: string,
  problems: Problem[],
  onProgress?: ReadProgress,
): Promise<FtmEntity[]> {
  const byId = new Map<string, FtmEntity>();
  const total = (await stat(file)).size;
  const input = createReadStream(file, { encoding: 'utf8' });
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line += 1;
    if (line % PROGRESS_LINES === 0) onProgress?.({ done: input.bytesRead, total });
    if (raw.trim() === '') continue;
    const parsed = parseLine(raw);
    const seen = typeof parsed === 'string' ? undefined : byId.get(parsed.id);
    if (typeof parsed === 'string') problems.push({ file, line, col: 1, message: parsed });
    else if (!seen) byId.set(parsed.id, { ...parsed, line });
    else if (seen.schema !== parsed.schema) {
      const message = `FtM id "${parsed.id}" is a ${parsed.schema} here but a ${seen.schema} at line ${seen.line}`;
      problems.push({ file, line, col: 1, message });
    } else {
      // Unaggregated FtM streams repeat an id once per fragment; the fragments add up.
      for (const [key, values] of Object.entries(parsed.properties)) {
        seen.properties[key] = [...new Set([...(seen.properties[key] ?? []), ...values])];
      }
    }
  }
  onProgress?.({ done: total, total });
  return [...byId.values()];
}
