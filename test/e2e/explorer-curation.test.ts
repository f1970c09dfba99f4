// Curating in the explorer: an editor signs in with a token, edits an entity in the details
// panel, reads its history with the editor's name, reverts it; a second editor with a stale copy
// is told of the conflict; signed out, the controls are gone.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitSearchIndex } from '../../server/src/db/schema.ts';
import { collectErrors, launchBrowser } from '../helpers/browser.ts';
import { SOURCE } from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';

const ANA = 'token-of-ana';
const BO = 'token-of-bo';
const ID = 'e2e-acme-security';
/** Writes are followed by refetches: give them time on a busy machine. */
const POLL = { timeout: 20_000 };
const NEW_SOURCE = 'e2e-acme-and-europol-sign-an-agreement';
/** The near-duplicate made in the explorer: the same name but for its legal form. */
const TWIN = `${ID}-ao`;

const db = connectTestDatabase();
let server: WebServer;
let browser: Browser;
/** Console and page errors of every page opened. */
const pageErrors: string[][] = [];

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  pageErrors.push(collectErrors(page));
  await page.goto(server.url);
  return page;
}

async function signIn(page: Page, token: string) {
  await page.getByRole('button', { name: 'Sign in to edit' }).click();
  await page.getByLabel('Editor token').fill(token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Searches and opens the hit of exactly this name by clicking it: Enter would open the first
 * hit, which a near-duplicate ("Acme Security" for "Acme Security AO") may be.
 */
async function openEntity(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Search entities' }).fill(name);
  await page
    .getByRole('option')
    .filter({ has: page.getByText(name, { exact: true }) })
    .first()
    .click();
  await details(page).getByRole('heading', { name, level: 2 }).waitFor();
}

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const history = (page: Page) => details(page).getByRole('region', { name: 'Revision history' });

beforeAll(async () => {
  server = await startWebServer({
    editors: [
      { name: 'ana', token: ANA },
      { name: 'bo', token: BO },
    ],
  });
  browser = await launchBrowser();
  // The entity to edit, created through the API as an editor would.
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ANA}` },
    body: JSON.stringify({
      query: `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input, comment: "new vendor") { id } }`,
      variables: {
        input: {
          id: ID,
          kind: 'COMPANY',
          name: 'Acme Security',
          country: 'DE',
          evidence: [{ source: SOURCE, quote: 'a quote' }],
        },
      },
    }),
  });
  expect(await response.json()).toEqual({ data: { upsertEntity: { id: ID } } });
  await awaitSearchIndex(db);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.write('MATCH (e:Entity) WHERE e.id STARTS WITH $id DETACH DELETE e', { id: ID });
  await db.write('MATCH (s:Source {id: $id}) DELETE s', { id: NEW_SOURCE });
  await db.write(
    'MATCH (v:Revision) WHERE v.record STARTS WITH $id OR v.record = $source DELETE v',
    { id: ID, source: NEW_SOURCE },
  );
  await db.close();
});

describe('an editor in the explorer', () => {
  let page: Page;

  it('signs in with a token, and a token that is no editor’s is refused', async () => {
    page = await openPage();
    await page.getByRole('button', { name: 'Sign in to edit' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    await signIn(page, 'not-a-token-of-anyone');
    await page.getByRole('alert').filter({ hasText: 'not an editor’s token' }).waitFor();
    await page.getByLabel('Editor token').fill(ANA);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Editing as').waitFor();
    expect(await page.locator('.sign-in strong').textContent()).toBe('ana');
  });

  it('edits an entity: the panel and the canvas show the new name at once', async () => {
    await openEntity(page, 'Acme Security');
    await details(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit entity' });
    await form.getByLabel('Name').fill('Acme Security GmbH');
    await form.getByLabel(/^Comment/).fill('the registered name');
    await form.getByRole('button', { name: 'Save' }).click();
    await details(page).getByRole('heading', { name: 'Acme Security GmbH', level: 2 }).waitFor();
    await expect
      .poll(() => page.evaluate((id) => window.__entente?.labelOf(id), ID), POLL)
      .toMatch(/^Acme Security GmbH/);
  });

  it('shows the history: both revisions, newest first, with the editor’s name and what changed', async () => {
    const items = history(page).locator('ol > li');
    await expect.poll(() => items.count(), POLL).toBe(2);
    const [edited, created] = await items.allTextContents();
    expect(edited).toContain('ana edited');
    expect(edited).toContain('the registered name');
    expect(edited).toContain('name: Acme Security → Acme Security GmbH');
    expect(created).toContain('ana created');
    expect(created).toContain('new vendor');
  });

  it('shows a bad value’s error next to its field, saving nothing', async () => {
    await details(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit entity' });
    // The API's error, naming the field.
    await form.getByLabel(/^Country/).fill('Germany');
    await form.getByRole('button', { name: 'Save' }).click();
    const country = form.locator('label', { hasText: 'Country' });
    await country.getByRole('alert').waitFor();
    expect(await country.getByRole('alert').textContent()).toMatch(/^country: /);
    // A date, by the API's rule, before it is sent.
    await form.getByLabel(/^Country/).fill('DE');
    await form.getByLabel(/^Founded/).fill('in the nineties');
    await form.getByRole('button', { name: 'Save' }).click();
    const founded = form.locator('label', { hasText: 'Founded' });
    await founded.getByRole('alert').waitFor();
    expect(await founded.getByRole('alert').textContent()).toMatch(/^founded must be a date/);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => history(page).locator('ol > li').count(), POLL).toBe(2);
  });

  it('tells a second editor editing a stale copy of the conflict; the first one’s revert stands', async () => {
    const other = await openPage();
    await signIn(other, BO);
    await other.getByText('Editing as').waitFor();
    await openEntity(other, 'Acme Security GmbH');
    await details(other).getByRole('button', { name: 'Edit', exact: true }).click();
    const form = other.getByRole('form', { name: 'Edit entity' });
    await form.getByLabel('Name').waitFor();

    // Meanwhile the first editor reverts to the first revision.
    const created = history(page).locator('ol > li').nth(1);
    await created.getByRole('button', { name: 'Revert to this' }).click();
    await details(page).getByRole('heading', { name: 'Acme Security', level: 2 }).waitFor();
    await expect.poll(() => history(page).locator('ol > li').count(), POLL).toBe(3);
    expect(await history(page).locator('ol > li').first().textContent()).toContain('ana reverted');

    await form.getByLabel('Name').fill('Acme Security AG');
    await form.getByRole('button', { name: 'Save' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Not saved: .*has changed since version/);
    const [row] = await db.read<{ name: string }>(
      'MATCH (e:Entity {id: $id}) RETURN e.name AS name',
      {
        id: ID,
      },
    );
    expect(row?.name).toBe('Acme Security');
    await other.context().close();
  });

  it('creates a source and a relationship with a quote to an entity on the canvas, then edits its date and reverts it', async () => {
    await openEntity(page, 'Europol');
    await openEntity(page, 'Acme Security');
    await details(page).getByRole('button', { name: 'New relationship' }).click();
    const form = page.getByRole('form', { name: 'New relationship' });
    await form.getByLabel('To', { exact: true }).selectOption({ label: 'Europol' });
    const types = await form
      .getByLabel('Type', { exact: true })
      .locator('option')
      .allTextContents();
    expect(types).toContain('cooperates with');
    expect(types).not.toContain('leads'); // a company leads nothing
    await form.getByLabel('Type', { exact: true }).selectOption({ label: 'cooperates with' });
    await form.getByLabel(/^Since/).fill('2019-05');
    await form.getByLabel('Source', { exact: true }).selectOption({ label: 'A new source…' });
    await form.getByLabel('Source title').fill('E2E Acme and Europol sign an agreement');
    await form.getByLabel('Source URL').fill('https://example.org/acme-europol');
    await form.getByRole('button', { name: 'Create' }).click();
    // Evidence needs its quote.
    await form.getByRole('alert').filter({ hasText: 'quote' }).waitFor();
    await form
      .getByRole('textbox', { name: /^Quote/ })
      .fill('Acme signed a cooperation agreement with Europol.');
    await form.getByRole('button', { name: 'Create' }).click();

    await details(page)
      .getByRole('heading', { name: /Acme Security .* Europol/, level: 2 })
      .waitFor({ timeout: 60_000 });
    await details(page).getByText('Acme signed a cooperation agreement with Europol.').waitFor();
    const drawn = async () => {
      const edges = (await page.evaluate(() => window.__entente?.edgeIds() ?? [])) as string[];
      return edges.find((edge) => edge.startsWith(`${ID}-cooperates-with-europol-`));
    };
    await expect.poll(drawn, POLL).toBeDefined();
    const id = await drawn();
    const [source] = await db.read<{ url: string }>(
      'MATCH (s:Source {id: $id}) RETURN s.url AS url',
      {
        id: NEW_SOURCE,
      },
    );
    expect(source?.url).toBe('https://example.org/acme-europol');

    await details(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const dates = page.getByRole('form', { name: 'Edit relationship' });
    await dates.getByLabel(/^Since/).fill('2019-06');
    await dates.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => history(page).locator('ol > li').count(), POLL).toBe(2);
    const [edited, created] = await history(page).locator('ol > li').allTextContents();
    expect(edited).toContain('ana edited');
    expect(edited).toContain('since: 2019-05 → 2019-06');
    expect(created).toContain('ana created');
    await history(page)
      .locator('ol > li')
      .nth(1)
      .getByRole('button', { name: 'Revert to this' })
      .click();
    await expect.poll(() => history(page).locator('ol > li').count(), POLL).toBe(3);
    const [row] = await db.read<{ since: string }>(
      'MATCH ()-[r {id: $id}]->() RETURN r.since AS since',
      { id },
    );
    expect(row?.since).toBe('2019-05');

    // A change of status, with its own date and quote, becomes the relationship's history.
    await details(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('form', { name: 'Edit relationship' });
    await edit.getByLabel(/^Role/).fill('partner');
    await edit.getByRole('button', { name: 'Add a change of status' }).click();
    const phase = edit.getByRole('listitem', { name: 'Phase 1' });
    await phase.getByLabel('Phase status').selectOption({ label: 'frozen' });
    await phase.getByLabel('Phase since').fill('2020-02');
    await edit.getByRole('button', { name: 'Save' }).click();
    // The phase needs its quote, said next to it; nothing is sent.
    await phase.getByRole('alert').filter({ hasText: 'needs a quote' }).waitFor();
    await phase.getByLabel('Phase quote').fill('Acme froze its cooperation with Europol.');
    await edit.getByRole('button', { name: 'Save' }).click();
    const phases = details(page)
      .getByRole('list', { name: 'Status history' })
      .locator(':scope > li');
    await expect.poll(() => phases.count(), POLL).toBe(2);
    expect(await phases.nth(1).textContent()).toContain('Acme froze its cooperation with Europol.');
    await expect.poll(() => history(page).locator('ol > li').count(), POLL).toBe(4);
    const [frozen] = await db.read<{ role: string }>(
      'MATCH ()-[r {id: $id}]->() RETURN r.role AS role',
      { id },
    );
    expect(frozen?.role).toBe('partner');
  });

  it('creates an entity, finds it a duplicate, previews and makes the merge, then undoes it', async () => {
    await openEntity(page, 'Acme Security');
    await details(page).getByRole('button', { name: 'New entity' }).click();
    const form = page.getByRole('form', { name: 'New entity' });
    await form.getByLabel('Kind').selectOption({ label: 'Company' });
    await form.getByLabel('Name').fill('Acme Security AO');
    await form.getByLabel(/^Country/).fill('DE');
    await form.getByLabel('Id', { exact: true }).fill(TWIN);
    await form.getByRole('button', { name: 'Create' }).click();
    await details(page).getByRole('heading', { name: 'Acme Security AO', level: 2 }).waitFor(POLL);
    await expect
      .poll(() => page.evaluate((id) => window.__entente?.labelOf(id), TWIN), POLL)
      .toMatch(/^Acme Security AO/);

    // Found by duplicateCandidates: the same name once the legal form is set aside.
    const duplicates = details(page).getByRole('region', { name: 'Possible duplicates' });
    const candidate = duplicates.locator(`[data-candidate="${ID}"]`);
    await candidate.waitFor(POLL);
    expect(await candidate.textContent()).toContain('Acme Security');
    await candidate.getByRole('button', { name: 'Merge…' }).click();
    const preview = page.getByRole('region', { name: 'Merge preview' });
    await preview.getByRole('button', { name: 'Keep Acme Security instead' }).click();
    await preview
      .getByRole('heading', { name: 'Merge Acme Security AO into Acme Security' })
      .waitFor(POLL);
    expect(await preview.textContent()).toContain('has no relationship to move');
    expect(await preview.textContent()).toMatch(/known as: .*Acme Security AO/);
    await preview.getByRole('button', { name: 'Merge', exact: true }).click();

    await details(page).getByRole('heading', { name: 'Acme Security', level: 2 }).waitFor(POLL);
    await expect
      .poll(() => page.evaluate((id) => window.__entente?.labelOf(id) ?? null, TWIN), POLL)
      .toBeNull();
    const [merged] = await db.read<{ twins: number; aliases: string[] }>(
      'MATCH (e:Entity {id: $id}) RETURN coalesce(e.aliases, []) AS aliases, COUNT { MATCH (t:Entity {id: $twin}) } AS twins',
      { id: ID, twin: TWIN },
    );
    expect(merged).toEqual({ twins: 0, aliases: ['Acme Security AO'] });
    const latest = history(page).locator('ol > li').first();
    await expect.poll(() => latest.textContent(), POLL).toContain('ana merged');

    await latest.getByRole('button', { name: 'Undo this merge' }).click();
    await expect
      .poll(() => page.evaluate((id) => window.__entente?.labelOf(id) ?? null, TWIN), POLL)
      .toMatch(/^Acme Security AO/);
    await expect
      .poll(() => history(page).locator('ol > li').first().textContent(), POLL)
      .toContain('ana reverted');
    const [undone] = await db.read<{ twins: number; aliases: string[] }>(
      'MATCH (e:Entity {id: $id}) RETURN coalesce(e.aliases, []) AS aliases, COUNT { MATCH (t:Entity {id: $twin}) } AS twins',
      { id: ID, twin: TWIN },
    );
    expect(undone).toEqual({ twins: 1, aliases: [] });
  });

  it('deletes an entity, asking first; its history stays and the delete can be undone', async () => {
    await openEntity(page, 'Acme Security AO');
    await details(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit entity' });
    await form.getByRole('button', { name: 'Delete…' }).click();
    await form.getByRole('button', { name: 'Delete Acme Security AO' }).click();
    await expect
      .poll(() => page.evaluate((id) => window.__entente?.labelOf(id) ?? null, TWIN), POLL)
      .toBeNull();
    const [gone] = await db.read<{ twins: number }>(
      'RETURN COUNT { MATCH (t:Entity {id: $twin}) } AS twins',
      { twin: TWIN },
    );
    expect(gone?.twins).toBe(0);
    await details(page)
      .getByRole('heading', { name: `No entity “${TWIN}”`, level: 2 })
      .waitFor(POLL);
    const latest = history(page).locator('ol > li').first();
    await expect.poll(() => latest.textContent(), POLL).toContain('ana deleted');
    await latest.getByRole('button', { name: 'Undo this delete' }).click();
    await details(page).getByRole('heading', { name: 'Acme Security AO', level: 2 }).waitFor(POLL);
    await expect
      .poll(() => page.evaluate((id) => window.__entente?.labelOf(id) ?? null, TWIN), POLL)
      .toMatch(/^Acme Security AO/);
  });

  it('signs out: the editing controls are gone, the history stays readable', async () => {
    const revisions = await history(page).locator('ol > li').count();
    expect(revisions).toBe(5); // created, merged, brought back, deleted, brought back
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in to edit' }).waitFor();
    for (const name of [/^Edit/, 'New entity', 'New relationship', /^Undo/, 'Revert to this']) {
      expect(await details(page).getByRole('button', { name }).count()).toBe(0);
    }
    expect(await details(page).getByRole('region', { name: 'Possible duplicates' }).count()).toBe(
      0,
    );
    expect(await history(page).locator('ol > li').count()).toBe(revisions);
    expect(pageErrors.flat()).toEqual([]);
  });
});
