import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../helpers/browser.ts';
import { FREEZE_EDGES, RESULTS, useExplorer } from '../helpers/explorer-session.ts';

const ui = useExplorer();

describe('the explorer, along the story', () => {
  it('when searching "Kaspersky" / puts Kaspersky Lab on the canvas with its neighbours', async () => {
    await ui.searchAndChoose('Kaspersky', 'Kaspersky Lab');
    await ui.page.waitForFunction(() => (window.__entente?.nodeIds().length ?? 0) > 5);
    const nodes = await ui.graph('nodeIds');
    expect(nodes).toContain('kaspersky-lab');
    expect(nodes).toEqual(
      expect.arrayContaining(['europol', 'no-more-ransom', 'eugene-kaspersky']),
    );
    expect(await ui.graph('edgeIds')).toEqual(expect.arrayContaining(FREEZE_EDGES));
  });

  it('when using the keyboard / arrows move through hits and Escape closes the list', async () => {
    const input = ui.page.getByRole('combobox', { name: 'Search entities' });
    await input.fill('Kaspersky');
    const hits = ui.page
      .getByRole('listbox', { name: 'Search entities results' })
      .getByRole('option');
    await hits.nth(1).waitFor();
    await input.press('ArrowDown');
    expect(await hits.and(ui.page.getByRole('option', { selected: true })).count()).toBe(1);
    expect(await hits.nth(1).getAttribute('aria-selected')).toBe('true');
    await input.press('Escape');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.inputValue()).toBe('Kaspersky');
    await input.fill('');
  });

  it('when Kaspersky Lab is clicked / shows the evidence quote in the Details panel', async () => {
    const position = await ui.graph('renderedPosition', 'kaspersky-lab');
    expect(position).not.toBeNull();
    const box = await ui.page.getByTestId('graph').boundingBox();
    if (!box || !position) throw new Error('no canvas');
    await ui.page.mouse.click(box.x + position.x, box.y + position.y);
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'Kaspersky Lab' }).waitFor();
    await details.getByText('freeze our cooperation').first().waitFor();
    const link = details.getByRole('link', { name: 'Kaspersky ends all EU work following ban' });
    expect(await link.first().getAttribute('href')).toMatch(/^https:\/\/www\.itproportal\.com\//);
    // Off the canvas, so that no hover labels clutter the picture.
    await ui.page.mouse.move(5, 300);
    await ui.page.screenshot({ path: join(RESULTS, 'explorer-details.png') });
  });

  it('when the Details panel lists relationships / undated ones are there too, grouped by type', async () => {
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    // "Eugene Kaspersky leads Kaspersky Lab" carries no date in the dataset.
    await details
      .getByRole('region', { name: 'leads' })
      .getByRole('button', { name: 'Eugene Kaspersky' })
      .first()
      .waitFor();
    await details
      .getByRole('region', { name: 'is headquartered in' })
      .getByRole('button', { name: 'Russia', exact: true })
      .first()
      .waitFor();
    // A restriction says what was done and by which act.
    await details.getByText('call to ban software products confirmed as malicious').waitFor();
    await details.getByText('EU cyber security report adopted on 13 June 2018').waitFor();
  });

  it('when the Details panel lists by date / reads as a history, year by year, undated last', async () => {
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    const byDate = details.getByRole('button', { name: 'By date' });
    await byDate.click();
    expect(await byDate.getAttribute('aria-pressed')).toBe('true');
    const headings = (await details.locator('.rel-group > h3').allTextContents()).map((text) =>
      text.replace(/\s*\(\d+\)$/, ''),
    );
    const years = headings.filter((heading) => heading !== 'Undated');
    expect(years.length).toBeGreaterThan(2);
    expect(years).toEqual([...years].sort());
    expect(headings.at(-1)).toBe('Undated');
    // The Parliament's call for a ban, under the year it was made, with its type's colour.
    const year2018 = details.getByRole('region', { name: '2018' });
    await year2018.getByText('call to ban software products confirmed as malicious').waitFor();
    expect(await year2018.locator('.rel .edge-swatch').count()).toBeGreaterThan(0);
    await details.getByRole('button', { name: 'By type' }).click();
    await details.getByRole('region', { name: 'leads' }).waitFor();
    expect(await details.getByRole('region', { name: '2018' }).count()).toBe(0);
  });

  it('when a relationship is clicked / shows how it reads, when it held and its evidence', async () => {
    const box = await ui.page.getByTestId('graph').boundingBox();
    const middle = await ui.graph('edgeClickPoint', FREEZE_EDGES[0] ?? '');
    if (!box || !middle) throw new Error('no canvas');
    await ui.page.mouse.click(box.x + middle.x, box.y + middle.y);
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'Kaspersky Lab cooperates with Europol' }).waitFor();
    await details.getByText('(frozen from 2018-06-13; began 2016-07-25)').waitFor();
    await details.getByText('freeze our cooperation').first().waitFor();
    // The dataset it came from, by its title.
    await details.getByText('Kaspersky freezes its EU cooperation (June 2018)').waitFor();
    await ui.page.screenshot({ path: join(RESULTS, 'explorer-relationship.png') });
    // A link to this view opens with the relationship shown.
    expect(ui.page.url()).toContain(`rel=${FREEZE_EDGES[0]}`);
    const fresh = await ui.page.context().newPage();
    await fresh.goto(ui.page.url());
    await fresh
      .getByRole('complementary', { name: 'Details' })
      .getByRole('heading', { name: 'Kaspersky Lab cooperates with Europol' })
      .waitFor();
    await fresh.close();
    // Either end opens that entity's details.
    await details.getByRole('button', { name: 'Kaspersky Lab', exact: true }).click();
    await details.getByRole('heading', { name: 'Kaspersky Lab', exact: true }).waitFor();
  });

  it('when the time slider is set to 2017-01-01 / draws the cooperations as active, and 2019 as frozen', async () => {
    const exact = ui.page.getByLabel('As of date (exact)', { exact: true });
    const statuses = () =>
      ui.page.evaluate(
        (ids) => ids.map((id) => window.__entente?.edgeLook(id)?.status),
        FREEZE_EDGES,
      );
    await exact.fill('2017-01-01');
    await expect.poll(statuses).toEqual(['ACTIVE', 'ACTIVE']);
    expect(await ui.graph('visibleEdgeIds')).toEqual(expect.arrayContaining(FREEZE_EDGES));
    await ui.page.screenshot({ path: join(RESULTS, 'explorer-2017.png') });
    await exact.fill('2019-01-01');
    await expect.poll(statuses).toEqual(['FROZEN', 'FROZEN']);
    // Before Kaspersky Lab was founded (1997), none of its ties held.
    await exact.fill('1995-01-01');
    await ui.page.waitForFunction(
      (ids) => ids.every((id) => !window.__entente?.visibleEdgeIds().includes(id)),
      FREEZE_EDGES,
    );
    await exact.fill('2019-01-01');
    // The slider's months start in January of the earliest year the data holds.
    const earliest = await ui.page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ timeSpan { earliest } }' }),
      });
      return (await response.json()).data.timeSpan.earliest as string;
    });
    expect(await ui.page.getByLabel('As of date', { exact: true }).inputValue()).toBe(
      String((2019 - Number(earliest.slice(0, 4))) * 12),
    );
    await ui.page.getByRole('button', { name: 'All dates' }).click();
  });

  it('when finding a path from Kaspersky Lab to Europol / highlights it and explains each hop', async () => {
    const finder = ui.page.getByRole('region', { name: 'Path finder' });
    await finder.getByRole('button', { name: 'Use Kaspersky Lab' }).first().click();
    const to = finder.getByRole('combobox', { name: 'Path to' });
    await to.fill('Europol');
    await finder
      .getByRole('option', { name: /Europol/ })
      .first()
      .waitFor();
    await to.press('Enter');
    await finder.getByRole('button', { name: 'Find paths' }).click();
    const line = finder.getByText(
      'Kaspersky Lab — cooperates with (frozen from 2018-06-13; began 2016-07-25) → Europol',
    );
    await line.waitFor();
    expect(await ui.graph('highlightedEdgeIds')).toContain(FREEZE_EDGES[0]);
    expect(await finder.getByText('freeze our cooperation').count()).toBeGreaterThan(0);
    await ui.page.screenshot({ path: join(RESULTS, 'explorer-path.png') });
    await ui.page.getByRole('button', { name: 'Clear paths' }).click();
  });

  it('when the URL is opened in a fresh page / reproduces the canvas', async () => {
    const nodes = await ui.graph('nodeIds');
    const url = ui.page.url();
    expect(url).toContain('e=');
    const fresh = await ui.page.context().newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.goto(url);
    await fresh.waitForFunction(
      (count) => window.__entente?.nodeIds().length === count,
      nodes.length,
    );
    expect(await fresh.evaluate(() => window.__entente?.nodeIds())).toEqual(nodes);
    await fresh
      .getByRole('complementary', { name: 'Details' })
      .getByRole('heading', { name: 'Kaspersky Lab' })
      .waitFor();
    expect(freshErrors).toEqual([]);
    await fresh.close();
  });

  it('when Copy link is used / the link reopens the picture with every entity where it was', async () => {
    await ui.page.getByRole('button', { name: 'Copy link' }).click();
    await ui.page.getByRole('button', { name: 'Link copied' }).waitFor();
    const link = await ui.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('pos=');
    const nodes = await ui.graph('nodeIds');
    const drawn = await ui.page.evaluate(
      (ids) => ids.map((id) => window.__entente?.position(id)),
      nodes,
    );
    const fresh = await ui.page.context().newPage();
    await fresh.goto(link);
    await fresh.waitForFunction(
      (count) => window.__entente?.nodeIds().length === count,
      nodes.length,
    );
    const reopened = await fresh.evaluate(
      (ids) => ids.map((id) => window.__entente?.position(id)),
      nodes,
    );
    nodes.forEach((id, index) => {
      const [a, b] = [drawn[index], reopened[index]];
      expect({
        id,
        dx: Math.abs((a?.x ?? 0) - (b?.x ?? NaN)) < 1,
        dy: Math.abs((a?.y ?? 0) - (b?.y ?? NaN)) < 1,
      }).toEqual({ id, dx: true, dy: true });
    });
    await fresh.close();
  });

  it('after all that / logged no console errors', () => {
    expect(ui.errors).toEqual([]);
  });
});
