// Stories in the explorer: an editor makes one from the canvas's views; anyone opens a story by
// its URL and steps through it with the buttons and the arrow keys, each step drawing its saved
// view; a story downloads as one HTML file that opens from disk with the network blocked.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStory } from '../../server/src/db/story-repository.ts';
import type { StoryView } from '../../server/src/validation/records.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { collectErrors, launchBrowser } from '../helpers/browser.ts';
import { SOURCE } from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { chooseFromSearch, RESULTS } from '../helpers/explorer-session.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';

const TOKEN = 'token-of-ana';
const MADE = 'e2e-the-freeze-in-two-steps';
const CURATED = 'kaspersky-and-the-eu';
const POLL = { timeout: 20_000 };

const db = connectTestDatabase();
let server: WebServer;
let browser: Browser;
const pageErrors: string[][] = [];
/** What the offline pages asked for and logged, checked once they are done with. */
const afterChecks: (() => void)[] = [];

async function openPage(path = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  pageErrors.push(collectErrors(page));
  await page.goto(`${server.url}${path}`);
  return page;
}

beforeAll(async () => {
  server = await startWebServer({ editors: [{ name: 'ana', token: TOKEN }] });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await db.write(
    'MATCH (s:Story {id: $id}) OPTIONAL MATCH (s)-[:HAS_STEP]->(t) DETACH DELETE s, t',
    { id: MADE },
  );
  await browser?.close();
  await server?.close();
  await db.close();
});

const player = (page: Page) => page.getByRole('region', { name: 'Story', exact: true });

const drawn = (page: Page) => page.evaluate(() => [...(window.__entente?.nodeIds() ?? [])].sort());

/** Waits until the page shows step `index` of the story as saved: its title, entities, date. */
async function expectStep(page: Page, story: StoryView, index: number) {
  const step = story.steps[index];
  if (!step) throw new Error(`no step ${index}`);
  await expect
    .poll(() => player(page).getByTestId('story-counter').textContent(), POLL)
    .toBe(`Step ${index + 1} of ${story.steps.length}`);
  expect(await player(page).getByTestId('story-step-title').textContent()).toBe(step.title);
  await expect.poll(() => drawn(page), POLL).toEqual([...step.entities].sort());
  await expect
    .poll(() => page.getByRole('region', { name: 'Time' }).locator('output').textContent(), POLL)
    .toBe(step.asOf ? `As of ${step.asOf}` : 'All dates');
  await expect
    .poll(() => page.evaluate(() => [...(window.__entente?.highlightedEdgeIds() ?? [])].sort()))
    .toEqual([...step.highlight].sort());
  expect(new URL(page.url()).hash).toBe(`#story=${story.id}&step=${index + 1}`);
}

/** Opens a story by URL and steps forward to its end and back with the buttons and the keys. */
async function stepThrough(id: string): Promise<Page> {
  const story = await findStory(db, id);
  if (!story) throw new Error(`no story ${id}`);
  expect(story.steps.length).toBeGreaterThan(1);
  const page = await openPage(`/#story=${id}&step=1`);
  await expectStep(page, story, 0);
  expect(await player(page).getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
  await player(page).getByRole('button', { name: 'Next' }).click();
  await expectStep(page, story, 1);
  // The arrow keys step too, unless typing in a field.
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, story, 0);
  for (let index = 1; index < story.steps.length; index += 1) {
    await page.keyboard.press('ArrowRight');
    await expectStep(page, story, index);
  }
  expect(await player(page).getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
  await player(page).getByRole('button', { name: 'Previous' }).click();
  await expectStep(page, story, story.steps.length - 2);
  return page;
}

/**
 * Downloads a story's HTML from its player (opened at `step`, from 1) and opens the file in a
 * context with the network off and every request but the file's refused and recorded: none may
 * be made, and the page may log no error.
 */
async function downloadedStory(id: string, step = 1): Promise<Page> {
  const page = await openPage(`/#story=${id}&step=${step}`);
  const button = player(page).getByRole('button', { name: 'Download as HTML' });
  await button.waitFor();
  const download = page.waitForEvent('download');
  await button.click();
  const file = join(RESULTS, `${id}.html`);
  await (await download).saveAs(file);
  await page.close();
  const context = await browser.newContext({ offline: true });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const offline = await context.newPage();
  const errors = collectErrors(offline);
  await offline.goto(`file://${file}`);
  await offline.locator('section.step:not([hidden])').waitFor();
  afterChecks.push(() => expect({ requests, errors }).toEqual({ requests: [], errors: [] }));
  return offline;
}

async function drawEntity(page: Page, name: string) {
  await chooseFromSearch(page, name, name);
  await expect.poll(() => drawn(page), POLL).toContain('kaspersky-lab');
}

describe('an editor', () => {
  it('makes a story of two views, each step with its caption and evidence', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'Sign in to edit' }).click();
    await page.getByLabel('Editor token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await drawEntity(page, 'Kaspersky Lab');
    const stories = page.getByRole('region', { name: 'Stories' });
    await stories.locator('summary').click();
    await stories.getByRole('button', { name: 'New story from this view' }).click();
    const form = page.getByRole('form', { name: 'New story' });
    await form.getByLabel('Story title').fill('E2E: the freeze in two steps');
    await form.getByLabel('Step title').fill('Kaspersky and its partners');
    await form
      .getByLabel('Caption (Markdown)')
      .fill('Kaspersky *cooperated* with Europol. <script>window.hacked = true</script>');
    await form.getByLabel('Find a source').fill(SOURCE);
    await form.getByRole('button', { name: 'Find' }).click();
    await expect
      .poll(() => form.getByRole('combobox', { name: 'Source', exact: true }).inputValue(), POLL)
      .toBe(SOURCE);
    await form.getByLabel('Quote').fill('Kaspersky Lab');
    await form.getByRole('button', { name: 'Create story' }).click();
    await expect
      .poll(() => player(page).getByTestId('story-counter').textContent(), POLL)
      .toBe('Step 1 of 1');
    const caption = player(page).locator('.story-caption');
    expect(await caption.locator('em').textContent()).toBe('cooperated');
    expect(await caption.textContent()).toContain('<script>');
    expect(await page.evaluate(() => (window as { hacked?: boolean }).hacked)).toBeUndefined();

    // The second step: a date, and the freeze highlighted; once the first step is drawn.
    const time = page.getByRole('region', { name: 'Time' }).locator('output');
    await expect.poll(() => player(page).getAttribute('aria-busy'), POLL).toBe('false');
    await page.getByLabel('As of date (exact)').fill('2018-06-13');
    await expect.poll(() => time.textContent(), POLL).toBe('As of 2018-06-13');
    await player(page).getByRole('button', { name: 'Add this view as a step' }).click();
    const step = page.getByRole('form', { name: 'New step' });
    await step.getByLabel('Step title').fill('The freeze');
    await step.getByRole('checkbox', { name: /Kaspersky Lab .* Europol/ }).check();
    await step.getByLabel('Quote').fill('Kaspersky Lab');
    await step.getByLabel('Find a source').fill(SOURCE);
    await step.getByRole('button', { name: 'Find' }).click();
    await expect
      .poll(() => step.getByRole('combobox', { name: 'Source', exact: true }).inputValue(), POLL)
      .toBe(SOURCE);
    await step.getByRole('button', { name: 'Add step' }).click();
    await expect
      .poll(() => player(page).getByTestId('story-counter').textContent(), POLL)
      .toBe('Step 2 of 2');

    const saved = await findStory(db, MADE);
    expect(saved?.title).toBe('E2E: the freeze in two steps');
    expect(saved?.steps.map((s) => s.title)).toEqual(['Kaspersky and its partners', 'The freeze']);
    const [first, second] = saved?.steps ?? [];
    expect(first?.entities).toContain('europol');
    expect(Object.keys(first?.positions ?? {}).sort()).toEqual([...(first?.entities ?? [])].sort());
    expect(first?.evidence).toEqual([{ source: SOURCE, quote: 'Kaspersky Lab' }]);
    expect(second?.asOf).toBe('2018-06-13');
    expect(second?.highlight).toEqual(['kaspersky-lab-cooperates-with-europol']);
  });
});

describe('anyone', () => {
  it('opens the curated "Kaspersky and the EU, 2016–2021" by its URL and steps through it, each step its entities at its date', async () => {
    const story = await findStory(db, CURATED);
    expect(story?.title).toBe('Kaspersky and the EU, 2016–2021');
    const page = await stepThrough(CURATED);
    // Each step shows the evidence it cites.
    const cited = player(page).locator('.evidence cite');
    expect(await cited.count()).toBe(story?.steps.at(-2)?.evidence.length);
    await page.close();
  });

  it('downloads the curated story as one HTML file that opens offline at its first step', async () => {
    const story = await findStory(db, CURATED);
    const offline = await downloadedStory(CURATED);
    const shown = offline.locator('section.step:not([hidden])');
    expect(await shown.locator('h2').textContent()).toBe(story?.steps[0]?.title);
    const ids = await shown
      .locator('svg g.node')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));
    expect(ids.sort()).toEqual([...(story?.steps[0]?.entities ?? [])].sort());
    await offline.context().close();
  });

  it('opens the story by its URL and steps forward and back to each saved view', async () => {
    const page = await stepThrough(MADE);
    // Each step draws its entities where it saved them.
    const story = await findStory(db, MADE);
    const at = story?.steps[0]?.positions?.europol;
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.evaluate(() => window.__entente?.position('europol')), POLL)
      .toEqual(at);
    await page.screenshot({ path: join(RESULTS, 'story-player.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('downloads the story as one HTML file that opens offline at its first step', async () => {
    const story = await findStory(db, MADE);
    const offline = await downloadedStory(MADE, 2);
    const shown = offline.locator('section.step:not([hidden])');
    expect(await shown.locator('h2').textContent()).toBe(story?.steps[0]?.title);
    expect(await shown.locator('svg g.node').count()).toBe(story?.steps[0]?.entities.length);
    expect(await shown.locator('.caption em').textContent()).toBe('cooperated');
    await offline.keyboard.press('ArrowRight');
    expect(await offline.locator('section.step:not([hidden]) h2').textContent()).toBe('The freeze');
    await offline.keyboard.press('ArrowLeft');
    expect(await offline.locator('section.step:not([hidden]) h2').textContent()).toBe(
      story?.steps[0]?.title,
    );
    await offline.context().close();
  });

  it('is told when a story does not exist', async () => {
    const page = await openPage('/#story=no-such-story');
    await player(page)
      .getByRole('alert')
      .filter({ hasText: 'There is no story "no-such-story"' })
      .waitFor();
  });
});

it('raised no page errors, and the offline pages asked for nothing', () => {
  expect(pageErrors.flat()).toEqual([]);
  expect(afterChecks.length).toBeGreaterThan(0);
  for (const check of afterChecks) check();
});
