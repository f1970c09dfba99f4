import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../seed/src/export.ts';
import { readYamlDataset } from '../../seed/src/formats/yaml.ts';
import { importDatasets } from '../../seed/src/import.ts';
import { DATASETS_DIR } from '../../seed/src/inputs.ts';
import { formatProblem } from '../../seed/src/model.ts';
import { formatSummary } from '../../seed/src/summary.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { findStories, findStory } from '../../server/src/db/story-repository.ts';
import { saveStory } from '../../server/src/db/story-writes.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { emptyGraph } from '../helpers/ftm-file.ts';
import { firmsDataset, snapshot, writeDatasetDir } from '../helpers/graph.ts';

const db = connectTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'entente-stories-'));
const STORY = 'kaspersky-and-the-eu';

beforeAll(async () => {
  await ensureSchema(db);
});
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The curated story as its file states it. */
function curatedStory() {
  const read = readYamlDataset(join(DATASETS_DIR, 'cyber-cooperation'));
  const story = read.stories?.find((item) => item.record.id === STORY)?.record;
  if (!story) throw new Error(`no story ${STORY} in cyber-cooperation`);
  return story;
}

const FIRMS = firmsDataset(['id: a-owns-b, from: firm-a, type: OWNS, to: firm-b']);

/** A story of two firms, with `step` lines added to its first step (six spaces in). */
function story(id: string, step: string[] = []): string[] {
  return [
    `  - id: ${id}`,
    `    title: Story ${id}`,
    '    steps:',
    '      - title: A owns B',
    '        entities: [firm-a, firm-b]',
    '        highlight: [a-owns-b]',
    '        selected: a-owns-b',
    '        evidence: [{ source: firms-src, quote: "a quote" }]',
    ...step,
  ];
}

const stories = (...lines: string[][]) => ['stories:', ...lines.flat(), ''].join('\n');
const seed = (path: string, dryRun = false) =>
  importDatasets(db, 'test', { paths: [path], dryRun });

describe('the curated story', { timeout: 120_000 }, () => {
  it('loads with the curated datasets: findStories returns it, its steps in order and as in the file', async () => {
    await loadCuratedDatasets(db);
    const found = await findStories(db, { first: 50 });
    const stored = found.find((item) => item.id === STORY);
    const { dataset, version: _version, ...record } = stored ?? { dataset: '', version: '' };
    expect(dataset).toBe('cyber-cooperation');
    expect(record).toEqual(curatedStory());
    expect(stored?.steps.map((step) => step.asOf)).toEqual([
      '2016-07-25',
      '2017-09-13',
      '2017-12-12',
      '2018-05-14',
      '2018-06-13',
      '2018-06-13',
      '2018-11-13',
      '2021-07',
    ]);
  });

  it('loaded again, reports no story changed and leaves it as it was', async () => {
    const before = await findStory(db, STORY);
    const result = await importDatasets(db, 'test', { paths: [] });
    expect(result.exitCode).toBe(0);
    const report = result.reports.find((item) => item.dataset === 'cyber-cooperation');
    expect(report?.stories).toEqual({ created: 0, updated: 0, unchanged: 1, removed: 0 });
    // Datasets without stories report none.
    expect(result.reports.find((item) => item.dataset === 'kaspersky-eu-2018')?.stories).toBe(
      undefined,
    );
    expect(await findStory(db, STORY)).toEqual(before);
    // Only the dataset that has stories shows a stories row.
    expect(formatSummary(result).match(/^ +stories +/gm)).toHaveLength(1);
  });

  it('exported and seeded into an empty database, gives the same stories, a curator’s too', async () => {
    // A curator's story of curated entities belongs to curation, which must then require them.
    const curated = {
      id: 'curators-note',
      title: 'A curator’s note',
      steps: [
        {
          title: 'Kaspersky and Europol',
          entities: ['kaspersky-lab', 'europol'],
          positions: { europol: { x: 10, y: -20 } },
          highlight: ['kaspersky-lab-cooperates-with-europol'],
          evidence: [{ source: 'itproportal-2018-06-kaspersky-ends-eu-work' }],
        },
      ],
    };
    await saveStory(db, curated, () => {});
    const before = await findStories(db, { first: 50 });
    expect(before.map((item) => item.id).sort()).toEqual(['curators-note', STORY]);
    const out = join(dir, 'export');
    const exported = await exportGraph(db, 'test', { out });
    expect(exported.problems).toEqual([]);
    expect(exported.exitCode).toBe(0);
    expect(exported.datasets.find((d) => d.dataset === 'cyber-cooperation')?.stories).toBe(1);
    const curation = exported.datasets.find((d) => d.dataset === 'curation');
    expect(curation?.stories).toBe(1);
    expect(existsSync(join(out, curation?.folder ?? '', 'stories.yaml'))).toBe(true);

    await emptyGraph(db);
    const seeded = await importDatasets(db, 'test', { paths: [out] });
    expect(seeded.problems).toEqual([]);
    expect(seeded.exitCode).toBe(0);
    expect(await findStories(db, { first: 50 })).toEqual(before);
  });
});

describe('a dataset with stories', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await emptyGraph(db);
    await ensureSchema(db);
  });

  it('removes, loaded again whole, a story it no longer holds; a dry run removes nothing', async () => {
    const both = writeDatasetDir({
      'dataset.yaml': FIRMS,
      'stories.yaml': stories(story('first'), story('second')),
    });
    const created = await seed(both);
    expect(created.exitCode).toBe(0);
    expect(created.reports[0]?.stories).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    const one = writeDatasetDir({ 'dataset.yaml': FIRMS, 'stories.yaml': stories(story('first')) });
    const dry = await seed(one, true);
    expect(dry.reports[0]?.stories?.removed).toBe(1);
    expect((await findStories(db, { first: 10 })).map((item) => item.id)).toEqual([
      'first',
      'second',
    ]);
    const pruned = await seed(one);
    expect(pruned.reports[0]?.stories).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
      removed: 1,
    });
    expect((await findStories(db, { first: 10 })).map((item) => item.id)).toEqual(['first']);
    // The summary's stories row: created, updated, unchanged, removed.
    expect(formatSummary(pruned)).toMatch(/^ +stories +0 +0 +1 +1$/m);
  });

  it('changed, is updated in place with a new version', async () => {
    const before = await findStory(db, 'first');
    const changed = story('first').map((line) => line.replace('A owns B', 'A owns B, since then'));
    const result = await seed(
      writeDatasetDir({ 'dataset.yaml': FIRMS, 'stories.yaml': stories(changed) }),
    );
    expect(result.reports[0]?.stories).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      removed: 0,
    });
    const after = await findStory(db, 'first');
    expect(after?.steps[0]?.title).toBe('A owns B, since then');
    expect(after?.version).not.toBe(before?.version);
  });

  // Each bad story: the line and column it is reported at, and the message.
  const refused: [string, string[], string, RegExp][] = [
    [
      'names an unknown entity',
      story('bad', ['      - { title: Two, entities: [firm-a, firm-z] }']),
      ':10:42',
      /step 2 draws "firm-z", which is not an entity of firms or the datasets it requires/,
    ],
    [
      'has a misspelt step key',
      story('bad', ['        captoin: Firm A owns Firm B.']),
      ':10:9',
      /unknown key "captoin" \(did you mean "caption"\?\)/,
    ],
    [
      'places an entity it does not draw',
      story('bad', ['        positions: { firm-c: { x: 1, y: 2 } }']),
      ':10:22',
      /step 1 places "firm-c", which the step does not draw \(add it to entities\)/,
    ],
    [
      'highlights a relationship whose end it does not draw',
      story('bad', ['      - { title: Two, entities: [firm-a], highlight: [a-owns-b] }']),
      ':10:55',
      /step 2 highlights "a-owns-b" but does not draw its end "firm-b"/,
    ],
  ];
  for (const [name, lines, place, message] of refused) {
    it(`when the story ${name} / fails with file:line:col, exit 1, the database as before`, async () => {
      const before = await snapshot(db);
      const folder = writeDatasetDir({ 'dataset.yaml': FIRMS, 'stories.yaml': stories(lines) });
      const result = await seed(folder);
      expect(result.exitCode).toBe(1);
      const shown = result.problems.map(formatProblem);
      expect(shown).toContainEqual(expect.stringMatching(message));
      const line = shown.find((text) => message.test(text));
      expect(line?.startsWith(`${join(folder, 'stories.yaml')}${place}: `)).toBe(true);
      expect(await snapshot(db)).toBe(before);
    });
  }

  it('whose story id the database holds for a dataset not loaded / fails at the id, the story left to its dataset', async () => {
    const note = {
      id: 'taken',
      title: 'A curator’s',
      steps: [{ title: 'A', entities: ['firm-a'], highlight: [], evidence: [] }],
    };
    await saveStory(db, note, () => {});
    const folder = writeDatasetDir({
      'dataset.yaml': FIRMS,
      'stories.yaml': stories(story('taken')),
    });
    const result = await seed(folder);
    expect(result.exitCode).toBe(1);
    expect(result.problems.map(formatProblem)).toEqual([
      `${join(folder, 'stories.yaml')}:2:9: story id "taken" is already a story of dataset "curation" (in the database): give this one another id`,
    ]);
    expect((await findStory(db, 'taken'))?.dataset).toBe('curation');
  });

  it('whose story id another dataset of the run uses / fails at the second', async () => {
    const other = writeDatasetDir({
      'other.yaml': [
        'dataset: { id: other, title: Other, requires: [firms] }',
        stories(story('first')),
      ].join('\n'),
    });
    const firms = writeDatasetDir({
      'dataset.yaml': FIRMS,
      'stories.yaml': stories(story('first')),
    });
    const result = await importDatasets(db, 'test', { paths: [firms, other] });
    expect(result.exitCode).toBe(1);
    expect(result.problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(
        /other\.yaml:3:9: duplicate story id "first" \(first at .*stories\.yaml:2\)/,
      ),
    );
  });
});
