import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExplorer } from '../helpers/explorer-session.ts';

const ui = useExplorer();

const isSearch = (request: Request) =>
  request.url().endsWith('/graphql') &&
  String(request.postDataJSON()?.query ?? '').startsWith('query Search(');

/**
 * Holds the explorer's searches until `release()`, so that a test decides that Enter comes
 * before the hits, however fast the machine answers.
 */
async function holdSearches(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async (route: Parameters<Parameters<Page['route']>[1]>[0]) => {
    if (isSearch(route.request())) await released;
    // A search the explorer gave up on (the text changed) is gone by now.
    await route.fallback().catch(() => {});
  };
  await page.route('**/graphql', handler);
  return {
    release,
    stop: async () => {
      release();
      await page.unroute('**/graphql', handler);
    },
  };
}

const box = () => ui.page.getByRole('combobox', { name: 'Search entities' });

describe('the search, as a person types', () => {
  it('when typing again after Enter / the Enter no longer chooses', async () => {
    const hold = await holdSearches(ui.page);
    const input = box();
    await input.fill('europol');
    await input.press('Enter');
    // Away from the text and back: only the Enter on the text as it was would choose Europol.
    await input.press('Backspace');
    await input.press('l');
    hold.release();
    await ui.page
      .getByRole('option', { name: /Europol/ })
      .first()
      .waitFor();
    expect(await ui.graph('nodeIds')).toEqual([]);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.inputValue()).toBe('europol');
    await hold.stop();
    await input.fill('');
  });

  it('when Enter comes before the hits / puts the first hit on the canvas once it arrives', async () => {
    const hold = await holdSearches(ui.page);
    const input = box();
    const asked = ui.page.waitForRequest(isSearch);
    await input.fill('europol');
    await input.press('Enter');
    await asked;
    // The search is out and held: nothing was chosen yet.
    expect(await ui.graph('nodeIds')).toEqual([]);
    hold.release();
    await ui.page.waitForFunction(() => window.__entente?.nodeIds().includes('europol'));
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.inputValue()).toBe('');
    expect(await ui.page.getByRole('listbox', { name: 'Search entities results' }).count()).toBe(0);
    await hold.stop();
  });

  it('when nothing matches what Enter was pressed on / says so', async () => {
    const input = box();
    const before = await ui.graph('nodeIds');
    await input.fill('qxzvqjwk');
    await input.press('Enter');
    const notice = ui.page.getByRole('status').filter({ hasText: 'No entity matches “qxzvqjwk”.' });
    await notice.waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await ui.graph('nodeIds')).toEqual(before);
    // Typing again is a new question: the answer to the old one goes.
    await input.press('Backspace');
    await expect.poll(() => notice.count()).toBe(0);
    await input.fill('');
  });

  it('after all that / logged no console errors', () => {
    expect(ui.errors).toEqual([]);
  });
});
