import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFtm } from './ftm.ts';

const dir = mkdtempSync(join(tmpdir(), 'ftm-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Far beyond one read chunk (64 KiB), so lines straddle chunk boundaries. */
const PEOPLE = 3_000;

const person = (i: number) =>
  JSON.stringify({
    id: `p-${i}`,
    schema: 'Person',
    properties: { name: [`Person number ${i}`], notes: ['x'.repeat(40)] },
  });

/**
 * An Ownership at the top naming entities that appear later, blank lines, a broken line in the
 * middle, and no newline at the end.
 */
function writeFile(name: string, broken: boolean): string {
  const lines = [
    JSON.stringify({
      id: 'own-1',
      schema: 'Ownership',
      properties: { owner: ['p-1'], asset: ['c-last'], percentage: ['51'] },
    }),
    '',
  ];
  for (let i = 1; i <= PEOPLE; i += 1) {
    lines.push(person(i));
    if (i === PEOPLE / 2) lines.push(broken ? '{"id": "half", "schema": ' : '   ');
  }
  lines.push(JSON.stringify({ id: 'c-last', schema: 'Company', properties: { name: ['Last'] } }));
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('readFtm streaming a file larger than one read chunk', async () => {
  const reports: { pass: string; done: number; total: number }[] = [];
  const path = writeFile('good.ftm.jsonl', false);
  const read = await readFtm(path, {
    onProgress: (report) => {
      reports.push(report);
    },
  });

  it('reads every line, the last one without a newline, and skips blank lines', () => {
    expect(read.problems).toEqual([]);
    expect(read.entities).toHaveLength(PEOPLE + 1);
    expect(read.entities.at(-1)?.record).toMatchObject({ id: 'c-last', name: 'Last' });
    expect(read.entities.at(-1)?.origin.line).toBe(PEOPLE + 4);
  });

  it('resolves a link to entities that appear later in the file', () => {
    expect(read.relationships.map((r) => r.record)).toMatchObject([
      { type: 'OWNS', from: 'p-1', to: 'c-last', role: '51%' },
    ]);
  });

  it('reports progress in bytes, ending at the file size', () => {
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.at(-1)?.done).toBe(reports.at(-1)?.total);
    expect(reports.at(-1)?.total).toBeGreaterThan(64 * 1024);
  });
});

describe('readFtm streaming a file with a broken line in the middle', async () => {
  const path = writeFile('broken.ftm.jsonl', true);
  const read = await readFtm(path);

  it('names the file and the line of the broken one', () => {
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ file: path, line: PEOPLE / 2 + 3, col: 1 });
    expect(read.problems[0]?.message).toMatch(/^not a JSON object/);
  });
});

describe('readFtm on a file it cannot read', async () => {
  const read = await readFtm(join(dir, 'missing.ftm.jsonl'));

  it('reports it as a problem at line 1', () => {
    expect(read.problems[0]?.message).toMatch(/^cannot read the file: ENOENT/);
  });
});
