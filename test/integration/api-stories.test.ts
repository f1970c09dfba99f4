import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STORY_STEPS } from '../../server/src/domain/limits.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { createCurationClient, SOURCE } from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';

// Stories through the API: anyone lists and reads them; editors save them whole, and a story
// naming what does not exist, or saved over a newer version, is refused with nothing written.

const db = connectTestDatabase();
const { query, asEditor, refused } = createCurationClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(async () => {
  await db.write(
    "MATCH (s:Story) WHERE s.id STARTS WITH 'api-story-' OPTIONAL MATCH (s)-[:HAS_STEP]->(t) DETACH DELETE s, t",
  );
  await db.close();
});

const SAVE = `mutation($input: SaveStoryInput!, $expectedVersion: String) {
  saveStory(input: $input, expectedVersion: $expectedVersion) {
    id title summary dataset version
    steps { title caption asOf entities positions { entity x y } highlight selected
            evidence { source { id title } quote } }
  }
}`;
const DELETE =
  'mutation($id: ID!, $expectedVersion: String) { deleteStory(id: $id, expectedVersion: $expectedVersion) }';
const STORY =
  'query($id: ID!) { story(id: $id) { id title version steps { title asOf entities } } }';
const STORIES = 'query { stories { id title dataset steps { title } } }';

const FREEZE = 'kaspersky-lab-cooperates-with-europol';

function story(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    title: 'The freeze',
    summary: 'Kaspersky and Europol in 2018.',
    steps: [
      {
        title: 'Before',
        caption: 'Kaspersky *cooperates* with Europol.',
        asOf: '2017-01',
        entities: ['kaspersky-lab', 'europol'],
        positions: [
          { entity: 'kaspersky-lab', x: -100, y: 0 },
          { entity: 'europol', x: 100, y: 0 },
        ],
        highlight: [FREEZE],
        selected: FREEZE,
        evidence: [{ source: SOURCE, quote: 'Kaspersky Lab' }],
      },
      {
        title: 'After',
        asOf: '2018-06-13',
        entities: ['kaspersky-lab', 'europol', 'european-parliament'],
        selected: 'european-parliament',
      },
    ],
    ...overrides,
  };
}

type Saved = {
  id: string;
  dataset: string;
  version: string;
  steps: {
    title: string;
    caption: string | null;
    asOf: string | null;
    entities: string[];
    positions: { entity: string; x: number; y: number }[];
    highlight: string[];
    selected: string | null;
    evidence: { source: { id: string; title: string }; quote: string | null }[];
  }[];
};

async function saved(id: string): Promise<Saved> {
  const result = await asEditor(SAVE, { input: story(id) });
  expect(result.errors).toBeUndefined();
  return (result.data as { saveStory: Saved }).saveStory;
}

describe('saving a story', () => {
  it('stores every step as given, in order, in the curation dataset', async () => {
    const written = await saved('api-story-one');
    expect(written.dataset).toBe('curation');
    expect(written.steps.map((step) => step.title)).toEqual(['Before', 'After']);
    const [first, second] = written.steps;
    expect(first?.asOf).toBe('2017-01');
    expect(first?.positions).toEqual([
      { entity: 'kaspersky-lab', x: -100, y: 0 },
      { entity: 'europol', x: 100, y: 0 },
    ]);
    expect(first?.highlight).toEqual([FREEZE]);
    expect(first?.selected).toBe(FREEZE);
    expect(first?.evidence[0]?.source.id).toBe(SOURCE);
    expect(first?.evidence[0]?.source.title).toMatch(/Kaspersky/);
    expect(second?.entities).toEqual(['kaspersky-lab', 'europol', 'european-parliament']);
    expect(second?.caption).toBeNull();
    const listed = await query(STORIES);
    const ids = (listed.data as { stories: { id: string }[] }).stories.map((s) => s.id);
    expect(ids).toContain('api-story-one');
  });

  it('is refused to anyone who is not an editor, writing nothing', async () => {
    const error = await refused(() => query(SAVE, { input: story('api-story-anonymous') }));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('replaces the story at the version read, and refuses one read before a change', async () => {
    const first = await saved('api-story-versions');
    const changed = await asEditor(SAVE, {
      input: story('api-story-versions', { title: 'Renamed' }),
      expectedVersion: first.version,
    });
    expect(changed.errors).toBeUndefined();
    const now = (changed.data as { saveStory: Saved }).saveStory.version;
    expect(now).not.toBe(first.version);
    const stale = await refused(() =>
      asEditor(SAVE, { input: story('api-story-versions'), expectedVersion: first.version }),
    );
    expect(stale.extensions.code).toBe('CONFLICT');
    const createOnly = await refused(() =>
      asEditor(SAVE, { input: story('api-story-versions'), expectedVersion: '' }),
    );
    expect(createOnly.message).toMatch(/already exists/);
    const read = await query(STORY, { id: 'api-story-versions' });
    expect((read.data as { story: { title: string } }).story.title).toBe('Renamed');
  });

  it.each([
    [
      'an unknown entity',
      { entities: ['kaspersky-lab', 'europol', 'no-such-entity'] },
      /steps\.0\.entities: no entity has the id "no-such-entity"/,
    ],
    [
      'an unknown relationship',
      { highlight: ['no-such-relationship'] },
      /steps\.0\.highlight: no relationship/,
    ],
    [
      'an unknown source',
      { evidence: [{ source: 'no-such-source' }] },
      /steps\.0\.evidence: no source/,
    ],
    [
      'a position off the step',
      { positions: [{ entity: 'europol', x: 0, y: 0 }], entities: ['kaspersky-lab'] },
      /steps\.0\.positions: places "europol"/,
    ],
    ['a selection it does not show', { selected: 'no-such-thing' }, /steps\.0\.selected/],
    ['a bad date', { asOf: '2018-13' }, /"2018-13" has no month 13/],
  ])('names the field of %s, writing nothing', async (_what, change, message) => {
    const input = story('api-story-bad');
    const [step, ...rest] = input.steps as Record<string, unknown>[];
    const error = await refused(() =>
      asEditor(SAVE, { input: { ...input, steps: [{ ...step, ...change }, ...rest] } }),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  it(`refuses more than ${MAX_STORY_STEPS} steps`, async () => {
    const step = { title: 'Step', entities: ['kaspersky-lab'] };
    const error = await refused(() =>
      asEditor(SAVE, {
        input: story('api-story-long', { steps: Array(MAX_STORY_STEPS + 1).fill(step) }),
      }),
    );
    expect(error.message).toMatch(new RegExp(`at most ${MAX_STORY_STEPS} steps`));
  });
});

describe('deleting a story', () => {
  it('removes it with its steps; a second delete finds nothing', async () => {
    const { version } = await saved('api-story-gone');
    const stale = await refused(() =>
      asEditor(DELETE, { id: 'api-story-gone', expectedVersion: 'not-the-version' }),
    );
    expect(stale.extensions.code).toBe('CONFLICT');
    const deleted = await asEditor(DELETE, { id: 'api-story-gone', expectedVersion: version });
    expect(deleted.data).toEqual({ deleteStory: true });
    const read = await query(STORY, { id: 'api-story-gone' });
    expect(read.data).toEqual({ story: null });
    const [row] = await db.read<{ steps: number }>(
      'MATCH (t:StoryStep) WHERE NOT (t)<-[:HAS_STEP]-() RETURN count(t) AS steps',
    );
    expect(row?.steps).toBe(0);
    const again = await refused(() => asEditor(DELETE, { id: 'api-story-gone' }));
    expect(again.extensions.code).toBe('NOT_FOUND');
  });
});
