import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFtm } from './ftm.ts';
import { ftmIdToSlug } from './ftm-mapping.ts';

const sample = (name: string) =>
  fileURLToPath(new URL(`../../../../shared/data/ftm/${name}`, import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/ftm/${name}`, import.meta.url));

describe('readFtm on a file with broken lines', async () => {
  const file = fixture('broken.ftm.jsonl');
  const read = await readFtm(file);

  it('reports each broken line at its line number and still reads the others', () => {
    const where = read.problems.map((p) => `${p.line}:${p.col}`);
    expect(where).toEqual(['2:1', '4:1', '5:1', '10:1', '8:1']);
    expect(read.problems[0]?.message).toMatch(/^not a JSON object/);
    expect(read.problems[1]?.message).toBe('FtM entity without an "id"');
    expect(read.problems.every((p) => p.file === file)).toBe(true);
    expect(read.entities.map((e) => e.record.id).sort()).toEqual(['c-three', 'dup-id', 'p-one']);
  });

  it('when two FtM ids give the same slug / keeps the first and names both in the problem', () => {
    expect(read.problems[4]?.message).toBe(
      'FtM id "dup-id" gives the same entity id "dup-id" as "Dup.Id"',
    );
    expect(read.entities.find((e) => e.record.id === 'dup-id')?.record.name).toBe('First');
  });

  it('when an id repeats with the same schema / merges the fragments', () => {
    expect(read.entities.find((e) => e.record.id === 'p-one')?.record.aliases).toEqual(['Uno']);
  });
});

describe('FtM ids', () => {
  it('give the same slug on every read', async () => {
    const first = (await readFtm(sample('t1.ftm.json'))).entities.map((e) => e.record.id);
    const second = (await readFtm(sample('t1.ftm.json'), { datasetId: 'other' })).entities.map(
      (e) => e.record.id,
    );
    expect(second).toEqual(first);
    expect(first).toContain('nk-2ka3uvopqbpzmvdfjwd4la');
    expect(ftmIdToSlug('NK-2Ka3UvopqbpZmVDFjWd4LA')).toBe('nk-2ka3uvopqbpzmvdfjwd4la');
  });

  it('with nothing sluggable in them / still give a stable slug', () => {
    expect(ftmIdToSlug('Щ')).toMatch(/^ftm-[0-9a-f]{16}$/);
    expect(ftmIdToSlug('Щ')).toBe(ftmIdToSlug('Щ'));
    expect(ftmIdToSlug('Щ')).not.toBe(ftmIdToSlug('Ж'));
  });
});
