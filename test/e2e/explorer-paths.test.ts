// The path finder leaves out hubs unless told otherwise: GCHQ and MI5 are both headquartered in
// the United Kingdom, which says little; the paths that avoid it go through the bodies they share.
import { describe, expect, it } from 'vitest';
import { HUB_DEGREE } from '../../server/src/domain/paths.ts';
import { useExplorer } from '../helpers/explorer-session.ts';

const ui = useExplorer();

const finder = () => ui.page.getByRole('region', { name: 'Path finder' });
const avoidHubs = () => finder().getByRole('checkbox', { name: 'Avoid hubs' });
/** A hop into or out of the country ("Government of the United Kingdom" is another entity). */
const viaUk = (hop: string) =>
  hop.endsWith('→ United Kingdom') || hop.startsWith('United Kingdom —');
/** The hops of the paths shown, one line each. */
const hops = () => finder().locator('.explanation .hop').allTextContents();

async function chooseEnd(label: 'Path from' | 'Path to', text: string, name: RegExp) {
  const input = finder().getByRole('combobox', { name: label });
  await input.fill(text);
  await finder().getByRole('option', { name }).first().waitFor();
  await input.press('Enter');
}

/** Waits for the paths of a search to show, and returns their hops. */
async function shownHops(): Promise<string[]> {
  await finder().locator('.path').first().waitFor();
  await expect.poll(() => ui.graph('highlightedEdgeIds'), { timeout: 20_000 }).not.toEqual([]);
  return hops();
}

describe('the path finder and hubs', () => {
  it('when it opens / avoids hubs, and says which', async () => {
    expect(await avoidHubs().isChecked()).toBe(true);
    const what = finder().getByText(/Paths pass through no country/);
    expect(await what.textContent()).toContain(`more than ${HUB_DEGREE} relationships`);
    expect(ui.page.url()).not.toContain('avoid=');
  });

  let avoiding: string[] = [];
  let avoidingEdges: string[] = [];

  it('when finding paths from GCHQ to MI5 / none goes through the United Kingdom', async () => {
    await chooseEnd('Path from', 'GCHQ', /Government Communications Headquarters/);
    await chooseEnd('Path to', 'MI5', /MI5/);
    await finder().getByRole('button', { name: 'Find paths' }).click();
    avoiding = await shownHops();
    avoidingEdges = await ui.graph('highlightedEdgeIds');
    expect(avoiding.some((hop) => hop.includes('National Cyber Security Centre'))).toBe(true);
    expect(avoiding.filter(viaUk)).toEqual([]);
  });

  it('when the toggle is turned off / the paths are found again, through the United Kingdom', async () => {
    await avoidHubs().uncheck();
    await finder().getByText('Paths may pass through any entity.').waitFor();
    await expect.poll(async () => (await hops()).some(viaUk), { timeout: 20_000 }).toBe(true);
    expect(await hops()).not.toEqual(avoiding);
    expect(await ui.graph('highlightedEdgeIds')).not.toEqual(avoidingEdges);
    expect(ui.page.url()).toContain('avoid=none');
  });

  it('when the link is opened in a fresh page / the toggle is still off', async () => {
    const fresh = await ui.page.context().newPage();
    await fresh.goto(ui.page.url());
    const box = fresh
      .getByRole('region', { name: 'Path finder' })
      .getByRole('checkbox', { name: 'Avoid hubs' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await fresh.close();
  });

  it('when the toggle is turned on again / the paths avoid the United Kingdom again', async () => {
    await avoidHubs().check();
    await expect.poll(hops, { timeout: 20_000 }).toEqual(avoiding);
    expect(ui.page.url()).not.toContain('avoid=');
  });

  it('after all that / logged no console errors', () => {
    expect(ui.errors).toEqual([]);
  });
});
