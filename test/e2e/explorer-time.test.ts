import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../helpers/browser.ts';
import { RESULTS, ROOT, useExplorer } from '../helpers/explorer-session.ts';

/** The story's one cooperation: active from 2016-07-25, frozen from 2018-06-13. */
const COOPERATION = 'kaspersky-lab-cooperates-with-europol';

const ui = useExplorer(async ({ page, searchAndChoose }) => {
  await searchAndChoose('Kaspersky', 'Kaspersky Lab');
  await page.waitForFunction(() => (window.__entente?.nodeIds().length ?? 0) > 5);
});

const exactDate = () => ui.page.getByLabel('As of date (exact)', { exact: true });
const timeline = () => ui.page.getByRole('region', { name: 'Timeline' });
const lane = () => timeline().locator(`.lane[data-id="${COOPERATION}"]`);
const look = () => ui.graph('edgeLook', COOPERATION);

/** Posts a query to the explorer's own API from the page. */
async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return ui.page.evaluate(
    async ([text, vars]) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: text, variables: vars }),
      });
      return (await response.json()).data;
    },
    [query, variables] as const,
  ) as Promise<T>;
}

describe('the explorer over time', () => {
  it('when the slider is at 2017-01-01 / draws the Kaspersky–Europol line as active, at 2019-01-01 as frozen', async () => {
    await exactDate().fill('2017-01-01');
    await expect
      .poll(look)
      .toEqual({ status: 'ACTIVE', opacity: 1, lineStyle: 'solid', curveStyle: 'bezier' });
    await ui.page.screenshot({ path: join(RESULTS, 'time-2017.png') });
    await exactDate().fill('2019-01-01');
    await expect.poll(look).toMatchObject({ status: 'FROZEN', lineStyle: 'solid' });
    expect((await look())?.opacity).toBeLessThan(1);
    await ui.page.screenshot({ path: join(RESULTS, 'time-2019.png') });
  });

  it('when Play runs across the freeze / restyles the line on the way', async () => {
    await exactDate().fill('2018-03-01');
    await expect.poll(look).toMatchObject({ status: 'ACTIVE', opacity: 1 });
    await ui.page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(look, { timeout: 10_000 }).toMatchObject({ status: 'FROZEN' });
    await ui.page.getByRole('button', { name: 'Pause' }).click();
    const slider = ui.page.getByLabel('As of date', { exact: true });
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^2018-(0[6-9]|1[0-2])|^2019/);
  });

  it('the slider / spans the dates the data holds, from its earliest year', async () => {
    const { timeSpan } = await api<{ timeSpan: { earliest: string } }>('{ timeSpan { earliest } }');
    const first = `${timeSpan.earliest.slice(0, 4)}-01-01`;
    expect(Number(first.slice(0, 4))).toBeLessThan(1990);
    expect(await exactDate().getAttribute('min')).toBe(first);
    const slider = ui.page.getByLabel('As of date', { exact: true });
    await slider.fill('0');
    expect(await slider.getAttribute('aria-valuetext')).toBe(first);
    await exactDate().fill('2019-01-01');
  });

  it("the Timeline panel / draws the cooperation's phases, open where it still holds, with the date as a line", async () => {
    await lane().waitFor();
    const bars = lane().locator('rect');
    expect(
      await bars.evaluateAll((rects) => rects.map((r) => r.getAttribute('data-status'))),
    ).toEqual(['ACTIVE', 'FROZEN']);
    expect(await bars.nth(1).getAttribute('data-open-end')).toBe('true');
    expect(await bars.nth(0).getAttribute('data-open-start')).toBeNull();
    await lane().locator('.as-of-line').waitFor({ state: 'attached' });
    expect(await timeline().locator('.as-of-marker').getAttribute('data-date')).toBe('2019-01-01');
    // The active phase ends where the frozen one begins.
    const [active, frozen] = [await bars.nth(0).boundingBox(), await bars.nth(1).boundingBox()];
    expect(Math.abs((active?.x ?? 0) + (active?.width ?? 0) - (frozen?.x ?? NaN))).toBeLessThan(2);
    // Off the canvas, so that no hover labels clutter the picture, and no focus ring on the date.
    await ui.page.mouse.move(5, 300);
    await exactDate().blur();
    // The README's screenshot: Kaspersky Lab as of 2019, its details and its timeline. It is
    // refreshed on request only, so a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOT)
      await ui.page.screenshot({ path: join(ROOT, 'docs', 'screenshot.png') });
  });

  it('when a phase is hovered / shows its evidence, quote and source', async () => {
    const frozen = await lane().locator('rect[data-status="FROZEN"]').boundingBox();
    if (!frozen) throw new Error('no frozen phase');
    await ui.page.mouse.move(
      frozen.x + Math.min(frozen.width / 2, 20),
      frozen.y + frozen.height / 2,
    );
    const tip = ui.page.getByRole('tooltip');
    await tip.getByText('freeze our cooperation').first().waitFor();
    await tip.getByRole('link', { name: 'Kaspersky ends all EU work following ban' }).waitFor();
    expect(await tip.textContent()).toContain('2018-06-13');
    await ui.page.screenshot({ path: join(RESULTS, 'time-timeline.png') });
    await ui.page.mouse.move(5, 300);
    await expect.poll(() => tip.count()).toBe(0);
  });

  it('when a lane is clicked / selects the relationship on the canvas and its details show the history', async () => {
    await lane().click();
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'Kaspersky Lab cooperates with Europol' }).waitFor();
    expect(ui.page.url()).toContain(`rel=${COOPERATION}`);
    expect(await lane().getAttribute('aria-pressed')).toBe('true');
    const phases = details.getByRole('list', { name: 'Status history' }).locator(':scope > li');
    await phases.nth(1).waitFor();
    expect(await phases.nth(0).textContent()).toMatch(/^active 2016-07-25 – 2018-06-13/);
    expect(await phases.nth(1).textContent()).toMatch(/^frozen from 2018-06-13/);
    await phases.nth(1).getByText('freeze our cooperation').first().waitFor();
  });

  it('when the axis is clicked / sets the as-of date there', async () => {
    const axis = timeline().getByRole('button', { name: /Set the as-of date/ });
    const box = await axis.boundingBox();
    if (!box) throw new Error('no axis');
    await ui.page.mouse.click(box.x + 2, box.y + box.height / 2);
    const slider = ui.page.getByLabel('As of date', { exact: true });
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toMatch(/^\d{4}-\d{2}-01$/);
    const early = await slider.getAttribute('aria-valuetext');
    await ui.page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
    await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toBe(early);
    const late = (await slider.getAttribute('aria-valuetext')) ?? '';
    expect(late > (early ?? late)).toBe(true);
    await ui.page.getByRole('button', { name: 'All dates' }).click();
  });

  it('when comparing 2017-01-01 with 2019-01-01 / marks the changed relationships and lists each change with its evidence', async () => {
    await ui.page.getByLabel('Compare from').fill('2017-01-01');
    await ui.page.getByLabel('Compare to').fill('2019-01-01');
    const list = ui.page.getByRole('list', { name: 'Changes' });
    const items = list.locator(':scope > li');
    await items.first().waitFor();
    const ids = await ui.graph('nodeIds');
    const { changes } = await api<{ changes: { relationship: { id: string }; kind: string }[] }>(
      `query ($ids: [ID!]) { changes(ids: $ids, from: "2017-01-01", to: "2019-01-01", first: 500) { kind relationship { id } } }`,
      { ids },
    );
    expect(await items.count()).toBe(changes.length);
    const freeze = items.filter({ hasText: 'Kaspersky Lab cooperates with Europol' });
    expect(await freeze.textContent()).toMatch(/2018-06-13\s*changed status\s*\(active → frozen\)/);
    await freeze.getByText('freeze our cooperation').first().waitFor();
    const marked = await ui.graph('changedEdgeIds');
    expect(marked['changed-status']).toContain(COOPERATION);
    const drawn = new Set(await ui.graph('edgeIds'));
    const expected = changes.filter((change) => drawn.has(change.relationship.id));
    expect(Object.values(marked).flat().length).toBeGreaterThanOrEqual(
      new Set(expected.map((change) => change.relationship.id)).size,
    );
    await ui.page.screenshot({ path: join(RESULTS, 'time-compare.png') });
  });

  it('when the link is opened in a fresh page / reopens the comparison', async () => {
    const url = ui.page.url();
    expect(url).toContain('cf=2017-01-01&ct=2019-01-01');
    const fresh = await ui.page.context().newPage();
    const errors = collectErrors(fresh);
    await fresh.goto(url);
    await fresh
      .getByRole('list', { name: 'Changes' })
      .getByText('Kaspersky Lab cooperates with Europol')
      .waitFor();
    await fresh.waitForFunction(
      (id) => window.__entente?.changedEdgeIds()['changed-status']?.includes(id),
      COOPERATION,
    );
    expect(await fresh.getByLabel('Compare from').inputValue()).toBe('2017-01-01');
    expect(errors).toEqual([]);
    await fresh.close();
    await ui.page.getByRole('button', { name: 'Clear comparison' }).click();
    await expect
      .poll(async () => Object.values(await ui.graph('changedEdgeIds')).flat())
      .toEqual([]);
  });

  it('after all that / logged no console errors', () => {
    expect(ui.errors).toEqual([]);
  });
});
