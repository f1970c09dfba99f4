import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { formatProblem } from '../../seed/src/model.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot, writeDatasetDir } from '../helpers/graph.ts';

/** A dataset of one entity: its id on line 5, its kind on line 6. */
const dataset = (id: string, entity: string, kind: string) => `dataset:
  id: ${id}
  title: ${id}
entities:
  - id: ${entity}
    kind: ${kind}
    name: ${entity}
`;

const db = connectTestDatabase();
let before: string;

beforeAll(async () => {
  await db.write('MATCH (n) DETACH DELETE n');
  await db.write(
    "CREATE (:Entity:Company {id: 'held', kind: 'Company', name: 'Held', datasets: ['owner']})",
  );
  before = await snapshot(db);
});
afterAll(() => db.close());

async function run(...files: string[]) {
  const dirs = files.map((yaml) => writeDatasetDir({ 'data.yaml': yaml }));
  const result = await importDatasets(db, 'test', { paths: dirs, dryRun: true });
  const problems = result.problems
    .map(formatProblem)
    .map((line) => dirs.reduce((text, dir, i) => text.replaceAll(`${dir}/`, `${i + 1}/`), line));
  return { exitCode: result.exitCode, problems };
}

describe('an entity another dataset defines as another kind', () => {
  it('when two datasets of a run define it as different kinds / names the file and line of both', async () => {
    const result = await run(
      dataset('first', 'acme', 'Company'),
      dataset('second', 'acme', 'Agency'),
    );
    expect(result.exitCode).toBe(1);
    expect(result.problems).toEqual([
      '2/data.yaml:6:11: entity "acme" is already defined as Company by dataset "first" (1/data.yaml:5), here as Agency: refer to it by its id instead',
    ]);
    expect(await snapshot(db)).toBe(before);
  });

  it('when the database holds it for another dataset / refuses it at the kind and writes nothing', async () => {
    const result = await run(dataset('newcomer', 'held', 'Agency'));
    expect(result.exitCode).toBe(1);
    expect(result.problems).toEqual([
      '1/data.yaml:6:11: entity "held" is already defined as Company by dataset "owner" (in the database), here as Agency: refer to it by its id instead',
    ]);
    expect(await snapshot(db)).toBe(before);
  });

  it('when its own dataset changes its kind / accepts it', async () => {
    const result = await run(dataset('owner', 'held', 'Agency'));
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('when the database holds it as the same kind for another dataset / accepts it', async () => {
    const result = await run(dataset('newcomer', 'held', 'Company'));
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});

describe('an entity two datasets of a run state', () => {
  it('alike / is stored once, listed under both datasets in the order they were given', async () => {
    const dirs = [
      dataset('second', 'shared', 'Company'),
      dataset('first', 'shared', 'Company'),
    ].map((yaml) => writeDatasetDir({ 'data.yaml': yaml }));
    const result = await importDatasets(db, 'test', { paths: dirs });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    const rows = await db.read<{ datasets: string[] }>(
      "MATCH (e:Entity {id: 'shared'}) RETURN e.datasets AS datasets",
    );
    expect(rows).toEqual([{ datasets: ['second', 'first'] }]);
  });

  it('differently / is a duplicate, named at the second, and nothing is written', async () => {
    const result = await run(
      dataset('first', 'acme', 'Company'),
      dataset('second', 'acme', 'Company').replace('name: acme', 'name: Acme Inc'),
    );
    expect(result.exitCode).toBe(1);
    expect(result.problems).toEqual([
      '2/data.yaml:5:9: duplicate entity id "acme" (first at 1/data.yaml:5)',
    ]);
  });
});
