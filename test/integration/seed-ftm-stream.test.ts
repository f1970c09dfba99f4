import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { ENTENTE_ID_PREFIX } from '../../server/src/exchange/ftm-schemata.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { emptyGraph, storedEntities, syntheticFtmFile } from '../helpers/ftm-file.ts';
import { countGraph, snapshot } from '../helpers/graph.ts';

// A large FtM file into an empty database streams: read in passes, written slice by slice as
// it is read, never held. It must leave the graph the careful path leaves, and all or nothing.

const db = connectTestDatabase();
const { dir, content, file } = syntheticFtmFile(db, {
  entities: 2_000,
  seed: 7,
  datasetId: 'streamed',
});
/** Every FtM file streams, in slices far smaller than the file. */
const STREAMED = { streamBytes: 0, slice: 1_000 };

const empty = () => emptyGraph(db);
/** The FtM id the file gives a record: Entente writes its own ids with their prefix. */
const ftmIdOf = (id: string | undefined) => `${ENTENTE_ID_PREFIX}${id}`;

/** A copy of the file with more lines at its end (the links pass reads them last). */
function withLines(name: string, ...lines: object[]): { path: string; line: number } {
  const path = join(dir, name);
  copyFileSync(file, path);
  const before = readFileSync(path, 'utf8').split('\n').length - 1;
  appendFileSync(path, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  return { path, line: before + 1 };
}

describe('a large FtM file into an empty database', () => {
  it('streams in passes and leaves the graph, and the report, that one transaction leaves', async () => {
    await empty();
    const passes: string[] = [];
    const midway: number[] = [];
    const streamed = await importDatasets(db, 'test', {
      paths: [file],
      ...STREAMED,
      onReadProgress: async ({ pass }) => {
        if (passes.at(-1) !== pass) passes.push(pass);
      },
      // The one-transaction path reports writes; the streamed one must not take it.
      onProgress: (progress) => {
        midway.push(progress.done);
      },
    });
    expect(streamed.error).toBeUndefined();
    expect(streamed.problems).toEqual([]);
    expect(streamed.exitCode).toBe(0);
    expect(passes).toEqual(['checking', 'entities', 'relationships']);
    expect(midway).toEqual([]);
    expect(await countGraph(db)).toMatchObject({ relationships: content.relationships.length });
    const streamedGraph = await snapshot(db);

    // The same file into a database that holds something: read whole, one transaction.
    await empty();
    await db.write("CREATE (:Marker {id: 'not-empty'})");
    const whole = await importDatasets(db, 'test', { paths: [file], ...STREAMED });
    await db.write('MATCH (m:Marker) DELETE m');
    expect(whole.exitCode).toBe(0);
    expect(await snapshot(db)).toBe(streamedGraph);
    expect(streamed.reports).toEqual(whole.reports);
    expect(streamed.counts).toEqual(whole.counts);
  }, 240_000);

  it('when the last line has dates out of order / names its line, and empties the database again', async () => {
    await empty();
    const [a, b] = content.entities;
    const bad = withLines('dates.ftm.jsonl', {
      id: 'own-late',
      schema: 'Ownership',
      properties: {
        owner: [ftmIdOf(a?.id)],
        asset: [ftmIdOf(b?.id)],
        startDate: ['2020'],
        endDate: ['2019'],
      },
    });
    let committed = 0;
    const result = await importDatasets(db, 'test', {
      paths: [bad.path],
      ...STREAMED,
      onReadProgress: async ({ pass, done, total }) => {
        // Slices of entities are committed by the time the links are read.
        if (pass === 'relationships' && done === total) committed = await storedEntities(db);
      },
    });
    expect(committed).toBeGreaterThan(0);
    expect(result.exitCode).toBe(1);
    expect(result.problems).toEqual([
      { file: bad.path, line: bad.line, col: 1, message: 'until 2019 is before since 2020' },
    ]);
    expect(await countGraph(db)).toEqual({ nodes: 0, relationships: 0 });
  }, 240_000);

  it('when two links give one relationship id / reports the second, writes nothing', async () => {
    await empty();
    const first = content.relationships.find((r) => r.type === 'OWNS');
    const link = {
      schema: 'Ownership',
      properties: { owner: [ftmIdOf(first?.from)], asset: [ftmIdOf(first?.to)] },
    };
    const { path } = withLines(
      'twice.ftm.jsonl',
      { id: 'OWNS.twice', ...link },
      { id: 'owns-twice', ...link },
    );
    const result = await importDatasets(db, 'test', { paths: [path], ...STREAMED });
    expect(result.exitCode).toBe(1);
    expect(result.problems.map((p) => p.message)).toEqual([
      'duplicate relationship id "ftm-owns-twice"',
    ]);
    expect(await countGraph(db)).toEqual({ nodes: 0, relationships: 0 });
  }, 240_000);

  it('when a slice fails / removes the slices already committed and says so', async () => {
    await empty();
    const last = content.entities.at(-1)?.id ?? '';
    let taken = false;
    const result = await importDatasets(db, 'test', {
      paths: [file],
      ...STREAMED,
      onReadProgress: async ({ pass }) => {
        // Another writer takes the last entity's id before the slice holding it is written.
        if (pass === 'entities' && !taken) {
          taken = true;
          await db.write("CREATE (:Entity {id: $id, kind: 'Company', name: 'Taken'})", {
            id: last,
          });
        }
      },
    });
    expect(taken).toBe(true);
    expect(result.exitCode).toBe(3);
    expect(result.error).toMatch(/rolled back; the database is as it was before/);
    expect(await countGraph(db)).toEqual({ nodes: 0, relationships: 0 });
  }, 240_000);
});
