import { describe, expect, it } from 'vitest';
import { useExplorer } from '../helpers/explorer-session.ts';

// Kaspersky Lab and its neighbours: a hub with a ring of entities round it.
const ui = useExplorer(async ({ page, searchAndChoose }) => {
  await searchAndChoose('Kaspersky', 'Kaspersky Lab');
  await page.waitForFunction(() => (window.__entente?.nodeIds().length ?? 0) > 5);
  await page.getByRole('region', { name: 'Measures' }).getByText('Measures').click();
});

const panel = () => ui.page.getByRole('region', { name: 'Measures' });

/** Every entity's drawn width, by id. */
async function widths(): Promise<Record<string, number>> {
  return ui.page.evaluate(() => {
    const api = window.__entente;
    if (!api) throw new Error('window.__entente is not set');
    return Object.fromEntries(api.nodeIds().map((id) => [id, api.nodeLook(id)?.width ?? 0]));
  });
}

/** Every entity's fill colour, in id order. */
const nodeColours = () =>
  ui.page.evaluate(() => {
    const api = window.__entente;
    return (api?.nodeIds() ?? []).map((id) => api?.nodeLook(id)?.colour);
  });

describe('the measures of the canvas', () => {
  it('when sized by betweenness / redraws the sizes, the broker largest and the leaves smallest', async () => {
    const before = await widths();
    await panel().getByRole('combobox', { name: 'Size by' }).selectOption({ label: 'Betweenness' });
    await expect.poll(async () => JSON.stringify(await widths())).not.toBe(JSON.stringify(before));
    const after = await widths();
    // A copied link carries the choice.
    await expect.poll(() => new URL(ui.page.url()).hash).toContain('size=betweenness');
    const sizes = Object.values(after);
    expect(after['kaspersky-lab']).toBe(Math.max(...sizes));
    expect(Math.min(...sizes)).toBeLessThan(Math.max(...sizes));
    // The ranking lists the same measure, its top entity the one drawn largest.
    const ranking = panel().getByRole('list', { name: 'Who matters here' });
    await expect
      .poll(() => ranking.getByRole('listitem').first().textContent())
      .toMatch(/^Kaspersky Lab /);
  });

  it('when coloured by community / shows the legend, each entity in a colour it lists', async () => {
    const before = await nodeColours();
    await panel().getByRole('checkbox', { name: 'Colour by community' }).check();
    const legend = panel().getByRole('list', { name: 'Communities' });
    await legend.waitFor();
    const entries = await legend.getByRole('listitem').allTextContents();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatch(/^ Community 1: \d+ entities, with /);
    const swatches = await legend
      .locator('.swatch')
      .evaluateAll((items) => items.map((item) => getComputedStyle(item).backgroundColor));
    const colours = await nodeColours();
    // Kinds draw from the same palette, so the colours must have changed, not merely be in it.
    expect(colours).not.toEqual(before);
    for (const colour of colours) expect(swatches).toContain(colour?.replace(/,/g, ', '));
    await panel().getByRole('checkbox', { name: 'Colour by community' }).uncheck();
    await expect.poll(() => legend.count()).toBe(0);
    await expect.poll(nodeColours).toEqual(before);
  });

  it('when an entity of the ranking is clicked / selects it', async () => {
    const ranking = panel().getByRole('list', { name: 'Who matters here' });
    const second = ranking.getByRole('button').nth(1);
    const name = (await second.textContent()) ?? '';
    await second.click();
    await expect
      .poll(() =>
        ui.page
          .getByRole('complementary', { name: 'Details' })
          .getByRole('heading')
          .first()
          .textContent(),
      )
      .toBe(name);
  });
});
