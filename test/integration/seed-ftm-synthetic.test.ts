import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { generateSynthetic } from '../../seed/src/synthetic.ts';
import { writeFtmLines } from '../../seed/src/synthetic-ftm.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';

const db = connectTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'ftm-synthetic-'));
const content = generateSynthetic({ entities: 2_000, seed: 3, datasetId: 'synthetic-ftm' });
const file = join(dir, 'synthetic-ftm.ftm.jsonl');

beforeAll(async () => {
  await ensureSchema(db);
  await db.write('MATCH (n) DETACH DELETE n');
  await writeFtmLines(content, file);
});
afterAll(async () => {
  await db.write("MATCH (n:Entity) WHERE 'synthetic-ftm' IN n.datasets DETACH DELETE n");
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const countStored = async () => {
  const [row] = await db.read<{ entities: number; relationships: number }>(
    `MATCH (e:Entity) WHERE $dataset IN e.datasets
     OPTIONAL MATCH (e)-[r {dataset: $dataset}]->()
     RETURN count(DISTINCT e) AS entities, count(r) AS relationships`,
    { dataset: 'synthetic-ftm' },
  );
  return row;
};

describe('a synthetic graph written as FollowTheMoney lines', () => {
  it('when one line in the middle is broken / names the file and line and writes nothing', async () => {
    const broken = join(dir, 'broken.ftm.jsonl');
    copyFileSync(file, broken);
    appendFileSync(broken, '{"id": "cut-off", "schema": "Pers\n');
    appendFileSync(broken, '{"id": "c-after", "schema": "Company", "properties": {"name": ["A"]}}');
    const result = await importDatasets(db, 'test', {
      paths: [broken],
      datasetId: 'synthetic-ftm',
    });
    expect(result.exitCode).toBe(1);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: broken, line: 8_001, col: 1 });
    expect(await countStored()).toEqual({ entities: 0, relationships: 0 });
  });

  it('imports back as the same number of entities and relationships', async () => {
    const result = await importDatasets(db, 'test', { paths: [file] });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.counts['synthetic-ftm']?.unmapped).toEqual({});
    expect(await countStored()).toEqual({
      entities: content.entities.length,
      relationships: content.relationships.length,
    });
  });

  it('gives back sampled entities with their names, aliases, countries and dates', async () => {
    const samples = ['Company', 'Person', 'Agency', 'Organization'].map((kind) => {
      const ofKind = content.entities.filter((e) => e.kind === kind);
      const found = ofKind.find((e) => e.aliases.length > 0) ?? ofKind[0];
      if (!found) throw new Error(`no ${kind} to sample`);
      return found;
    });
    const stored = await db.read<Record<string, unknown>>(
      `MATCH (e:Entity) WHERE e.id IN $ids
       RETURN e.id AS id, e.kind AS kind, e.name AS name, coalesce(e.aliases, []) AS aliases,
              e.country AS country, e.founded AS founded ORDER BY e.id`,
      { ids: samples.map((e) => e.id) },
    );
    const expected = samples
      .map(({ id, kind, name, aliases, country, founded }) => ({
        id,
        kind,
        name,
        aliases,
        country: country ?? null,
        founded: founded ?? null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(stored).toEqual(expected);
  });

  it('gives back a kind FtM has no schema for, written as an Organization, as its own kind', async () => {
    const country = content.entities.find((e) => e.kind === 'Country');
    const [row] = await db.read<{ kind: string; name: string }>(
      'MATCH (e:Entity {id: $id}) RETURN e.kind AS kind, e.name AS name',
      { id: country?.id },
    );
    expect(row).toEqual({ kind: 'Country', name: country?.name });
  });

  it('gives back sampled relationships of the types FtM holds with their ends and dates', async () => {
    const samples = ['OWNS', 'MEMBER_OF', 'WORKS_FOR', 'PAYS'].map((type) => {
      const found = content.relationships.find((r) => r.type === type && r.since);
      if (!found) throw new Error(`no ${type} to sample`);
      return found;
    });
    for (const sample of samples) {
      const rows = await db.read<Record<string, unknown>>(
        `MATCH (a:Entity {id: $from})-[r {dataset: $dataset}]->(b:Entity {id: $to})
         RETURN type(r) AS type, r.since AS since, r.until AS until, r.role AS role,
                r.measure AS measure`,
        { from: sample.from, to: sample.to, dataset: 'synthetic-ftm' },
      );
      expect(rows).toContainEqual({
        type: sample.type,
        since: sample.since,
        until: sample.until ?? null,
        role: sample.role ?? null,
        measure: sample.measure ?? null,
      });
    }
  });
});
