import { beforeEach, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { firmsDataset, writeDatasetDir } from '../helpers/graph.ts';

const db = connectTestDatabase();

const OWNS = 'from: firm-a, type: OWNS, to: firm-b, since: 2001';
const TIE_UNDATED = 'from: firm-a, type: COOPERATES_WITH, to: firm-c';
const TIE_DATED = 'from: firm-a, type: COOPERATES_WITH, to: firm-c, since: 2015-03';
const OTHER_TIE = 'from: firm-b, type: COOPERATES_WITH, to: firm-c, since: 2010';

const seed = (dir: string, dryRun = false) => importDatasets(db, 'test', { paths: [dir], dryRun });
const stored = async () =>
  (
    await db.read<{ rel: string }>(
      `MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + coalesce(r.since, '-') + ' ' + r.dataset AS rel ORDER BY rel`,
    )
  ).map((row) => row.rel);

beforeEach(async () => {
  await ensureSchema(db);
  await db.write('MATCH (n) DETACH DELETE n');
  expect(
    (await seed(writeDatasetDir({ 'firms.yaml': firmsDataset([OWNS, TIE_UNDATED, OTHER_TIE]) })))
      .exitCode,
  ).toBe(0);
});

describe('seeding a YAML dataset again', () => {
  it('removes the relationships it no longer holds, and those whose date changed their id', async () => {
    const result = await seed(writeDatasetDir({ 'firms.yaml': firmsDataset([OWNS, TIE_DATED]) }));
    expect(result.exitCode).toBe(0);
    expect(result.reports[0]?.relationships).toEqual({
      created: 1,
      updated: 0,
      unchanged: 1,
      removed: 2,
    });
    expect(await stored()).toEqual([
      'firm-a COOPERATES_WITH firm-c 2015-03 firms',
      'firm-a OWNS firm-b 2001 firms',
    ]);
    // Entities stay: other datasets and curators may refer to them.
    const [{ entities }] = (await db.read<{ entities: number }>(
      'MATCH (e:Entity) RETURN count(e) AS entities',
    )) as [{ entities: number }];
    expect(entities).toBe(3);
  });

  it('leaves the relationships of other datasets and of curators alone', async () => {
    await db.write(
      `MATCH (b:Entity {id: 'firm-b'}), (a:Entity {id: 'firm-a'})
       CREATE (b)-[:COOPERATES_WITH {id: 'curated-tie', dataset: 'curation'}]->(a)
       CREATE (a)-[:COOPERATES_WITH {id: 'other-tie', dataset: 'other'}]->(b)`,
    );
    const result = await seed(writeDatasetDir({ 'firms.yaml': firmsDataset([OWNS]) }));
    expect(result.reports[0]?.relationships.removed).toBe(2);
    expect(await stored()).toEqual([
      'firm-a COOPERATES_WITH firm-b - other',
      'firm-a OWNS firm-b 2001 firms',
      'firm-b COOPERATES_WITH firm-a - curation',
    ]);
  });

  it('in a dry run reports what it would remove and removes nothing', async () => {
    const before = await stored();
    const result = await seed(writeDatasetDir({ 'firms.yaml': firmsDataset([OWNS]) }), true);
    expect(result.reports[0]?.relationships.removed).toBe(2);
    expect(await stored()).toEqual(before);
  });
});

describe('importing CSV again', () => {
  it('adds and updates only: a CSV may be one part of a dataset', async () => {
    const csv = (rows: string[]) =>
      writeDatasetDir({
        'entities.csv': 'id,kind,name\nfirm-a,Company,Firm A\nfirm-b,Company,Firm B\n',
        'relationships.csv': ['from,type,to,since', ...rows, ''].join('\n'),
      });
    const first = await importDatasets(db, 'test', {
      paths: [csv(['firm-a,OWNS,firm-b,2001', 'firm-b,COOPERATES_WITH,firm-a,2005'])],
      format: 'csv',
      datasetId: 'part',
    });
    expect(first.exitCode).toBe(0);
    const second = await importDatasets(db, 'test', {
      paths: [csv(['firm-a,OWNS,firm-b,2001'])],
      format: 'csv',
      datasetId: 'part',
    });
    expect(second.exitCode).toBe(0);
    expect(second.reports[0]?.relationships.removed).toBe(0);
    expect((await stored()).filter((rel) => rel.endsWith(' part'))).toHaveLength(2);
  });
});
