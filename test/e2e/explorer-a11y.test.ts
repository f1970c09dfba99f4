import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { useExplorer } from '../helpers/explorer-session.ts';

const ui = useExplorer();

const canvas = (page: Page) =>
  page.getByRole('application', { name: 'Graph of entities and relationships' });
const announced = (page: Page) => page.getByTestId('graph-announcer').textContent();

/** Presses Tab until the canvas has the focus: it is a tab stop of the page's own order. */
async function tabIntoCanvas(page: Page): Promise<number> {
  await page.locator('body').focus();
  for (let presses = 1; presses <= 60; presses += 1) {
    await page.keyboard.press('Tab');
    const role = await page.evaluate(() => document.activeElement?.getAttribute('role'));
    if (role === 'application') return presses;
  }
  throw new Error('Tab never reached the canvas');
}

describe('the explorer, for keyboard and screen-reader users', () => {
  it('when empty / axe finds no serious or critical violations', async () => {
    await ui.page.getByText('Start with a search').waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);
  });

  it('when empty / the canvas is a named tab stop that explains its keys', async () => {
    // A page of its own: Tab runs through the search box, which closes its list a moment later.
    const page = await ui.page.context().newPage();
    await page.goto(ui.server.url);
    await page.getByText('Start with a search').waitFor();
    await tabIntoCanvas(page);
    const description = await canvas(page).evaluate(
      (element) =>
        document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(description).toMatch(/Arrow keys move between entities/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => announced(page)).toMatch(/canvas is empty/);
    await page.close();
  });

  it('when arrow keys are pressed / the focus goes to the nearest entity that way, marked and announced', async () => {
    await ui.searchAndChoose('Kaspersky', 'Kaspersky Lab');
    await ui.page.waitForFunction(() => (window.__entente?.nodeIds().length ?? 0) > 5);
    await ui.page
      .getByRole('complementary', { name: 'Details' })
      .getByRole('heading', { name: 'Kaspersky Lab' })
      .waitFor();
    await tabIntoCanvas(ui.page);
    // The keys start from the entity the search selected.
    expect(await ui.graph('focusedNodeId')).toBe('kaspersky-lab');
    const moves: Array<[string, 'x' | 'y', 1 | -1]> = [
      ['ArrowRight', 'x', 1],
      ['ArrowDown', 'y', 1],
      ['ArrowLeft', 'x', -1],
      ['ArrowUp', 'y', -1],
    ];
    const visited = new Set<string>();
    for (const [key, axis, sign] of moves) {
      const from = (await ui.graph('focusedNodeId')) ?? '';
      const before = await announced(ui.page);
      const at = await ui.graph('renderedPosition', from);
      await ui.page.keyboard.press(key);
      const now = (await announced(ui.page)) ?? '';
      // Past the edge of the graph the focus stays and says so.
      if (now.startsWith('No entity further')) continue;
      expect(now).not.toBe(before);
      const to = (await ui.graph('focusedNodeId')) ?? '';
      expect(to).not.toBe(from);
      visited.add(to);
      const reached = await ui.graph('renderedPosition', to);
      if (!at || !reached) throw new Error('no position');
      // If the move panned the view, both points moved alike.
      const atNow = (await ui.graph('renderedPosition', from)) ?? at;
      expect(sign * (reached[axis] - atNow[axis])).toBeGreaterThan(0);
      // Announced by name and kind.
      expect(now).toMatch(/^.+, [A-Z][\w ]+$/);
    }
    expect(visited.size).toBeGreaterThan(0);
  });

  it('when Enter is pressed / opens the details of the entity the keys are on', async () => {
    await canvas(ui.page).focus();
    let focused = await ui.graph('focusedNodeId');
    // Away from Kaspersky Lab, whose details are already open.
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      if (focused !== 'kaspersky-lab') break;
      await ui.page.keyboard.press(key);
      focused = await ui.graph('focusedNodeId');
    }
    expect(focused).not.toBe('kaspersky-lab');
    const entity = (await announced(ui.page)) ?? '';
    const name = entity.slice(0, entity.lastIndexOf(', '));
    await ui.page.keyboard.press('Enter');
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name, exact: true }).waitFor();
    expect(ui.page.url()).toContain(`sel=${focused}`);
    expect(await announced(ui.page)).toBe(`${entity}: details open.`);
  });

  it('with a graph and details open / axe finds no serious or critical violations', async () => {
    expect(await seriousViolations(ui.page)).toEqual([]);
  });

  it('when Escape is pressed / clears the selection and the focus mark', async () => {
    await canvas(ui.page).focus();
    await ui.page.keyboard.press('Escape');
    await expect.poll(() => announced(ui.page)).toBe('Selection cleared.');
    expect(await ui.graph('focusedNodeId')).toBeNull();
    await ui.page
      .getByRole('complementary', { name: 'Details' })
      .getByText('Click an entity or a relationship to see its details')
      .waitFor();
  });

  it('when focus leaves the canvas / the mark goes with it', async () => {
    await canvas(ui.page).focus();
    await ui.page.keyboard.press('ArrowRight');
    expect(await ui.graph('focusedNodeId')).not.toBeNull();
    await ui.page.getByRole('combobox', { name: 'Search entities' }).focus();
    expect(await ui.graph('focusedNodeId')).toBeNull();
  });

  it('with a comparison and the timeline / axe finds no serious or critical violations', async () => {
    await ui.page.getByLabel('Compare from').fill('2017-01-01');
    await ui.page.getByLabel('Compare to').fill('2019-01-01');
    await ui.page.getByRole('list', { name: 'Changes' }).locator(':scope > li').first().waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);
  });

  it('after all that / logged no console errors', () => {
    expect(ui.errors).toEqual([]);
  });
});
