import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS, useExplorer } from '../helpers/explorer-session.ts';

// The canvas the story starts from: Kaspersky Lab and its neighbours.
const ui = useExplorer(async ({ page, searchAndChoose }) => {
  await searchAndChoose('Kaspersky', 'Kaspersky Lab');
  await page.waitForFunction(() => (window.__entente?.nodeIds().length ?? 0) > 5);
});

describe("the explorer's canvas", () => {
  it('when exporting PNG / downloads a non-empty image', async () => {
    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const path = join(RESULTS, 'export.png');
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('when exporting the records as a CSV dataset / writes the CSV files the seeder reads', async () => {
    const files: Record<string, string> = {};
    ui.page.on('download', async (download) => {
      const path = join(RESULTS, `export-${download.suggestedFilename()}`);
      await download.saveAs(path);
      files[download.suggestedFilename()] = readFileSync(path, 'utf8');
    });
    await ui.page.getByLabel('Records as').selectOption('csv');
    await ui.page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect
      .poll(() => Object.keys(files).sort(), { timeout: 10_000 })
      .toEqual(['entities.csv', 'phases.csv', 'relationships.csv', 'sources.csv']);
    const lines = (files['relationships.csv'] ?? '').trim().split('\n');
    expect(lines[0]).toBe(
      'id,from,type,to,status,since,until,role,measure,instrument,claim,description,source,quote',
    );
    expect(
      lines.some((line) =>
        line.startsWith(
          'kaspersky-lab-cooperates-with-europol,kaspersky-lab,COOPERATES_WITH,europol,active,2016-07-25,',
        ),
      ),
    ).toBe(true);
    const ids = new Set(lines.slice(1).map((line) => line.split(',')[0]));
    expect([...ids].sort()).toEqual(await ui.graph('edgeIds'));
  });

  it('when exporting the records as GEXF / holds every entity on the canvas as a node', async () => {
    await ui.page.getByLabel('Records as').selectOption('gexf');
    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('entente-graph.gexf');
    const path = join(RESULTS, 'graph.gexf');
    await download.saveAs(path);
    const nodes = [...readFileSync(path, 'utf8').matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]);
    expect(nodes.sort()).toEqual([...(await ui.graph('nodeIds'))].sort());
  });

  it('when exporting JSON / holds the entities and relationships on the canvas', async () => {
    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const path = join(RESULTS, 'graph.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8')) as {
      nodes: { id: string }[];
      edges: { id: string }[];
    };
    expect(exported.nodes.map((node) => node.id)).toEqual(await ui.graph('nodeIds'));
    expect(exported.edges.map((edge) => edge.id).sort()).toEqual(await ui.graph('edgeIds'));
  });

  it('when a kind or a relationship type is unticked / hides it, and ticking brings it back', async () => {
    const filters = ui.page.getByRole('region', { name: 'Legend and filters' });
    const person = filters.getByRole('checkbox', { name: 'Person' });
    await person.uncheck();
    await ui.page.waitForFunction(
      () => !window.__entente?.visibleNodeIds().includes('eugene-kaspersky'),
    );
    await person.check();
    await ui.page.waitForFunction(() =>
      window.__entente?.visibleNodeIds().includes('eugene-kaspersky'),
    );
    const restricts = filters.getByRole('checkbox', { name: /^restricts/ });
    const shown = () =>
      ui.page.evaluate(() =>
        (window.__entente?.visibleEdgeIds() ?? []).filter((id) => id.includes('-restricts-')),
      );
    expect((await shown()).length).toBeGreaterThan(0);
    await restricts.uncheck();
    await expect.poll(shown).toEqual([]);
    await restricts.check();
    await expect.poll(async () => (await shown()).length).toBeGreaterThan(0);
  });

  it('when a dataset is unticked / hides the relationships it holds, credits it, and the link keeps it', async () => {
    const filters = ui.page.getByRole('region', { name: 'Legend and filters' });
    const context = filters.getByRole('checkbox', { name: /^Cyber-security cooperation/ });
    expect(await filters.getByText(/^Cyber-security cooperation/).getAttribute('title')).toMatch(
      /version \d+, licence CC-BY-4.0/,
    );
    const visible = () => ui.page.evaluate(() => window.__entente?.visibleEdgeIds() ?? []);
    const STORY = 'kaspersky-lab-cooperates-with-europol';
    // A relationship of Kaspersky Lab's that the context dataset holds, whichever it is.
    const CONTEXT = await ui.page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ neighborhood(ids: ["kaspersky-lab"], limit: 200) { edges { id dataset } } }',
        }),
      });
      const { edges } = (await response.json()).data.neighborhood as {
        edges: { id: string; dataset: string }[];
      };
      return edges.find((edge) => edge.dataset === 'cyber-cooperation')?.id ?? '';
    });
    expect(CONTEXT).not.toBe('');
    expect(await visible()).toEqual(expect.arrayContaining([STORY, CONTEXT]));
    await context.uncheck();
    await expect.poll(visible).not.toContain(CONTEXT);
    expect(await visible()).toContain(STORY);
    expect(ui.page.url()).toContain('hd=cyber-cooperation');
    await context.check();
    await expect.poll(visible).toContain(CONTEXT);
  });

  it('when Play is pressed / the as-of date moves forward by itself until paused', async () => {
    const slider = ui.page.getByLabel('As of date', { exact: true });
    await ui.page.getByRole('button', { name: 'Play' }).click();
    const first = await slider.getAttribute('aria-valuetext');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toBe(first);
    await ui.page.getByRole('button', { name: 'Pause' }).click();
    const paused = await slider.getAttribute('aria-valuetext');
    expect(paused).toMatch(/^\d{4}-\d{2}/);
    await ui.page.waitForTimeout(400);
    expect(await slider.getAttribute('aria-valuetext')).toBe(paused);
    await ui.page.getByRole('button', { name: 'All dates' }).click();
    expect(await slider.getAttribute('aria-valuetext')).toBe('All dates');
  });

  it('when a node is dragged / re-layouts in every layout leave it where the user put it', async () => {
    const box = await ui.page.getByTestId('graph').boundingBox();
    const start = await ui.graph('renderedPosition', 'europol');
    if (!box || !start) throw new Error('no canvas');
    await ui.page.mouse.move(box.x + start.x, box.y + start.y);
    await ui.page.mouse.down();
    await ui.page.mouse.move(box.x + start.x + 40, box.y + start.y + 30, { steps: 5 });
    await ui.page.mouse.up();
    const dropped = await ui.graph('position', 'europol');
    const before = await ui.graph('position', 'kaspersky-lab');
    expect(dropped).not.toBeNull();
    const layout = ui.page.getByRole('combobox', { name: 'Layout' });
    for (const name of ['concentric', 'dagre', 'grid', 'fcose']) {
      await layout.selectOption(name);
      await ui.page.getByRole('button', { name: 'Re-layout' }).click();
      expect(await ui.graph('position', 'europol')).toEqual(dropped);
    }
    // The layouts did run: an undragged node moved.
    expect(await ui.graph('position', 'kaspersky-lab')).not.toEqual(before);
  });

  it('when a node is double-clicked / expands its neighbourhood', async () => {
    const before = await ui.graph('nodeIds');
    const box = await ui.page.getByTestId('graph').boundingBox();
    const at = await ui.graph('renderedPosition', 'europol');
    if (!box || !at) throw new Error('no canvas');
    await ui.page.mouse.dblclick(box.x + at.x, box.y + at.y);
    await ui.page.waitForFunction(
      (count) => (window.__entente?.nodeIds().length ?? 0) > count,
      before.length,
    );
    await ui.page.getByRole('button', { name: 'Undo' }).click();
    await ui.page.waitForFunction(
      (count) => window.__entente?.nodeIds().length === count,
      before.length,
    );
  });

  it('when a hub is opened / its panel puts all of one type on the canvas, past the hub cap', async () => {
    await ui.searchAndChoose('No More Ransom', 'No More Ransom');
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'No More Ransom' }).waitFor();
    // Its relationships come a page at a time.
    const loadMore = details.getByRole('button', { name: 'Load more' });
    await loadMore.waitFor();
    while ((await loadMore.count()) > 0) {
      await loadMore.click();
      await details.getByRole('button', { name: 'Loading…' }).waitFor({ state: 'detached' });
    }
    const members = details.getByRole('region', { name: 'is a member of' });
    const more = members.getByRole('button', { name: /^\+\d+ more$/ });
    await more.waitFor();
    const missing = Number(((await more.textContent()) ?? '').replace(/\D/g, ''));
    expect(missing).toBeGreaterThan(0);
    const before = (await ui.graph('edgeIds')).length;
    await more.click();
    await ui.page.waitForFunction(
      (count) => window.__entente?.edgeIds().length === count,
      before + missing,
    );
    expect(await more.count()).toBe(0);
    // More members than the neighbourhood's hub cap (50 relationships a node) would draw.
    const memberEdges = (await ui.graph('edgeIds')).filter((id) =>
      id.includes('-member-of-no-more-ransom-'),
    );
    expect(memberEdges.length).toBeGreaterThan(50);
    // A link to this canvas, past the hub cap and past 100 entities, reopens it: the same
    // entities, and every relationship among them.
    await ui.searchAndChoose('European Union', 'European Union');
    await ui.page.waitForFunction(() => (window.__entente?.nodeIds().length ?? 0) > 100);
    const [nodes, edges] = [await ui.graph('nodeIds'), await ui.graph('edgeIds')];
    const fresh = await ui.page.context().newPage();
    await fresh.goto(ui.page.url());
    await fresh.waitForFunction(
      (count) => window.__entente?.nodeIds().length === count,
      nodes.length,
    );
    expect(await fresh.evaluate(() => window.__entente?.edgeIds())).toEqual(
      expect.arrayContaining(edges),
    );
    await fresh.close();
    for (let step = 0; step < 2; step += 1)
      await ui.page.getByRole('button', { name: 'Undo' }).click();
    await ui.page.waitForFunction((count) => window.__entente?.edgeIds().length === count, before);
  });

  it('when WebGL is switched on / redraws the same graph', async () => {
    const nodes = await ui.graph('nodeIds');
    await ui.page.getByRole('checkbox', { name: 'WebGL' }).check();
    await ui.page.waitForFunction(
      (count) => window.__entente?.nodeIds().length === count,
      nodes.length,
    );
    expect(await ui.graph('nodeIds')).toEqual(nodes);
    await ui.page.getByRole('checkbox', { name: 'WebGL' }).uncheck();
    await ui.page.waitForFunction(
      (count) => window.__entente?.nodeIds().length === count,
      nodes.length,
    );
  });

  it('when the API is down / says so, and Retry recovers', async () => {
    const fresh = await ui.page.context().newPage();
    await fresh.route('**/graphql', (route) => route.abort());
    await fresh.goto(ui.server.url);
    await fresh.getByRole('alert').getByText('not answering').waitFor();
    await fresh.unroute('**/graphql');
    await fresh.getByRole('button', { name: 'Retry' }).click();
    await fresh.getByRole('combobox', { name: 'Search entities' }).waitFor();
    await fresh.getByText('Start with a search').waitFor();
    await fresh.close();
  });

  it('when built under the test runner / serves React production code, as npm start would', async () => {
    const html = await (await fetch(ui.server.url)).text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await (await fetch(new URL(script ?? '', ui.server.url))).text();
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle).not.toContain('jsxDEV');
  });

  it('when its script is fetched / sends the Brotli or gzip copy the browser accepts, kept for good', async () => {
    const html = await (await fetch(ui.server.url)).text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1] ?? '';
    const url = new URL(script, ui.server.url);
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const original = await plain.text();
    for (const encoding of ['br', 'gzip']) {
      const response = await fetch(url, { headers: { 'accept-encoding': encoding } });
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(Number(response.headers.get('content-length'))).toBeLessThan(original.length / 3);
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect(await response.text()).toBe(original);
    }
  });

  it('when a hub is read by date / its whole history is fetched, not just the first page', async () => {
    // A fresh page: the explorer's cache holds every page of No More Ransom's relationships since
    // the hub was opened above.
    await ui.page.goto(ui.server.url);
    await ui.searchAndChoose('No More Ransom', 'No More Ransom');
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'No More Ransom' }).waitFor();
    const listed = details.getByText(/relationships listed/);
    await listed.waitFor();
    const total = Number(/of (\d+) relationships/.exec((await listed.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(50);
    await details.getByRole('button', { name: 'By date' }).click();
    await listed.waitFor({ state: 'detached' });
    const counts = await details.locator('.rel-group > h3 .count').allTextContents();
    expect(counts.reduce((sum, count) => sum + Number(count.replace(/\D/g, '')), 0)).toBe(total);
    await details.getByRole('button', { name: 'By type' }).click();
  });

  it('after all that / logged no console errors', () => {
    expect(ui.errors).toEqual([]);
  });
});
