import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { formatProblem } from '../../seed/src/model.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot, writeDatasetDir } from '../helpers/graph.ts';
import { BASE, CONTEXT, withLine } from '../helpers/history-fixture.ts';

const db = connectTestDatabase();

beforeAll(async () => {
  await db.write('MATCH (n) DETACH DELETE n');
  const loaded = await importDatasets(db, 'test', {
    paths: [writeDatasetDir({ 'data.yaml': BASE }), writeDatasetDir({ 'data.yaml': CONTEXT })],
  });
  expect(loaded.exitCode).toBe(0);
});
afterAll(() => db.close());

describe('a bad history is refused with its file and line, and nothing is written', () => {
  async function problemsOf(baseYaml: string, contextYaml = CONTEXT): Promise<string[]> {
    const before = await snapshot(db);
    const dirs = [
      writeDatasetDir({ 'base.yaml': baseYaml }),
      writeDatasetDir({ 'context.yaml': contextYaml }),
    ];
    const result = await importDatasets(db, 'test', { paths: dirs });
    expect(result.exitCode).toBe(1);
    expect(await snapshot(db)).toBe(before);
    return result.problems.map(formatProblem).map((line) => line.replace(/^.*\/(\w+\.yaml)/, '$1'));
  }

  it('when a phase is out of date order', async () => {
    const yaml = BASE.replace(
      '            quote: We freeze our cooperation.',
      '            quote: We freeze our cooperation.\n      - status: active\n        since: 2017\n        evidence:\n          - source: src',
    );
    expect(await problemsOf(yaml)).toEqual([
      'base.yaml:36:16: phase since 2017 is before the phase before it (2018-06-13): phases go in date order',
    ]);
  });

  it('when a phase begins before the relationship does, or after it ended', async () => {
    expect(await problemsOf(withLine(BASE, 30, '        since: 2015'))).toEqual([
      "base.yaml:30:16: phase since 2015 is not after the relationship's since 2016-07-25 (the relationship's own status holds from then)",
    ]);
    expect(await problemsOf(BASE, CONTEXT.replace('since: 2021-07', 'since: 2024'))).toEqual([
      "context.yaml:11:12: phase since 2024 is after the relationship's until 2023 (in the history of acme-agency)",
    ]);
  });

  it('when a relationship with an end is said to have begun ended', async () => {
    expect(await problemsOf(withLine(BASE, 24, '    until: 2023\n    status: ended'))).toEqual([
      'base.yaml:25:13: status ended with until 2023: give the status it began in (until says when it ended)',
    ]);
  });

  it('when two phases begin on the same day', async () => {
    expect(await problemsOf(BASE, CONTEXT.replace('since: 2021-07', 'since: 2018-06-13'))).toEqual([
      'context.yaml:11:12: phase since 2018-06-13 begins on the same day as the phase before it (2018-06-13) (in the history of acme-agency)',
    ]);
  });

  it('when a phase has an unknown status or no evidence', async () => {
    expect(await problemsOf(withLine(BASE, 29, '      - status: paused'))).toEqual([
      expect.stringMatching(
        /^base\.yaml:29:17: history\.0\.status: unknown status "paused" \(statuses: active, /,
      ),
    ]);
    const noEvidence = CONTEXT.split('    evidence:')[0] ?? '';
    expect(await problemsOf(BASE, noEvidence)).toEqual(['context.yaml:9:5: evidence is required']);
  });

  it('when a phase names a relationship no dataset defines, or one of a dataset not required', async () => {
    expect(
      await problemsOf(
        BASE,
        CONTEXT.replace('relationship: acme-agency', 'relationship: acme-nobody'),
      ),
    ).toEqual([
      'context.yaml:9:19: phase for relationship "acme-nobody", which no loaded dataset defines',
    ]);
    expect(await problemsOf(BASE, CONTEXT.replace('  requires: [base]\n', ''))).toEqual([
      'context.yaml:8:19: relationship "acme-agency" belongs to dataset "base", which context does not require',
    ]);
  });
});
