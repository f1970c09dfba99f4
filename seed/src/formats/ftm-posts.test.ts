import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFtm } from './ftm.ts';

const lines = [
  { id: 'p1', schema: 'Person', properties: { name: ['Jana Novak'] } },
  { id: 'b1', schema: 'PublicBody', properties: { name: ['Ministry of Finance'] } },
  { id: 'c1', schema: 'Company', properties: { name: ['Acme Ltd'] } },
  {
    id: 'pos1',
    schema: 'Position',
    properties: { name: ['Minister of Finance'], organization: ['b1'] },
  },
  {
    id: 'occ1',
    schema: 'Occupancy',
    properties: { holder: ['p1'], post: ['pos1'], startDate: ['2019-05'], endDate: ['2023'] },
  },
  { id: 'occ2', schema: 'Occupancy', properties: { holder: ['p1'], post: ['missing-post'] } },
  { id: 'rep1', schema: 'Representation', properties: { agent: ['p1'], client: ['c1'] } },
  {
    id: 'as1',
    schema: 'Associate',
    properties: { person: ['p1'], associate: ['p1'], relationship: ['colleague'] },
  },
];

describe('readFtm on posts and representations', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftm-posts-'));
  const path = join(dir, 'posts.ftm.json');
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n'));
  const read = await readFtm(path);
  const rel = (id: string) => read.relationships.find((r) => r.record.id === id)?.record;

  it('maps an Occupancy to WORKS_FOR the Position’s organization, the post’s name as role', () => {
    expect(read.problems).toEqual([]);
    expect(rel('ftm-occ1')).toMatchObject({
      from: 'p1',
      type: 'WORKS_FOR',
      to: 'b1',
      role: 'Minister of Finance',
      since: '2019-05',
      until: '2023',
    });
    expect(read.entities.map((e) => e.record.id)).not.toContain('pos1');
    expect(read.entities.find((e) => e.record.id === 'b1')?.record.kind).toBe('Agency');
  });

  it('maps a Representation to LINKED_TO with the agent’s role, and an Associate to RELATED_TO', () => {
    expect(rel('ftm-rep1')).toMatchObject({
      from: 'p1',
      type: 'LINKED_TO',
      to: 'c1',
      role: 'representative',
    });
    expect(rel('ftm-as1')).toMatchObject({ type: 'RELATED_TO', role: 'colleague' });
  });

  it('counts an Occupancy whose post is not in the file as a dangling end', () => {
    expect(rel('ftm-occ2')).toBeUndefined();
    expect(read.counts).toEqual({
      mapped: {
        Person: 1,
        PublicBody: 1,
        Company: 1,
        Position: 1,
        Occupancy: 1,
        Representation: 1,
        Associate: 1,
      },
      unmapped: { 'Occupancy (dangling end)': 1 },
    });
  });
});
