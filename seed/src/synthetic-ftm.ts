import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { entityLine, type FtmLine, relationshipLine } from '../../server/src/exchange/ftm-write.ts';
import type { DatasetContent } from '../../server/src/validation/records.ts';

/**
 * A synthetic dataset as FollowTheMoney lines (server/src/exchange/ftm-write.ts says how each
 * record is written), streamed to a file so that a graph of millions is never held as text.
 */

/** Writes the dataset's entities, then its relationships, one line each, as they are made into lines. */
export async function writeFtmLines(
  content: DatasetContent,
  path: string,
  onProgress?: (progress: { done: number; total: number }) => void,
): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  // A path that cannot be written fails here, before any line is made.
  await once(out, 'open');
  const total = content.entities.length + content.relationships.length;
  let done = 0;
  const write = async (line: FtmLine) => {
    // Honour backpressure so the file is never held in memory as a whole.
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
    done += 1;
    if (done % 10_000 === 0) onProgress?.({ done, total });
  };
  for (const entity of content.entities) await write(entityLine(entity));
  for (const relationship of content.relationships) await write(relationshipLine(relationship));
  out.end();
  await finished(out);
  onProgress?.({ done: total, total });
  return total;
}
