import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ontologyAnswer, openExplorer, serve } from '../../scripts/bench/web-render.ts';
import { subgraphs } from '../../scripts/bench/web-subgraphs.ts';
import { buildWebIfStale, WEB_DIST } from '../../scripts/start/web-build.ts';
import type { Subgraph } from '../../web/src/api/types.ts';
import { LARGE_GRAPH_NODES } from '../../web/src/graph/scale.ts';
import { launchBrowser } from '../helpers/browser.ts';

// Synthetic subgraphs on either side of the threshold, drawn through the app's own path by the
// test hook's renderer, as a first neighbourhood fetch is (no API: the ontology is answered
// in-process, as the front-end benchmark does).
const SMALL = 200;
const LARGE = LARGE_GRAPH_NODES + 500;
const graphs = subgraphs([SMALL, LARGE], 1);

let browser: Browser;
let server: Server;
let url: string;
let ontology: string;

beforeAll(async () => {
  buildWebIfStale(WEB_DIST.test, (line) => console.log(line), 'test');
  ({ url, server } = await serve(WEB_DIST.test));
  ontology = await ontologyAnswer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function drawn(size: number): Promise<Page> {
  const page = await openExplorer(browser, url, ontology);
  const subgraph = graphs.get(size) as Subgraph;
  await page.evaluate(
    (graph) => window.__entente?.renderSubgraph(graph, { layout: 'fcose' }),
    subgraph,
  );
  return page;
}

describe('a large canvas', () => {
  let page: Page;
  beforeAll(async () => {
    page = await drawn(LARGE);
  }, 180_000);
  afterAll(() => page?.close());

  it('with the default layout / draws every entity at a finite, distinct place inside the canvas after the fit', async () => {
    const placed = await page.evaluate(() => {
      const api = window.__entente;
      if (!api) throw new Error('no test hook');
      return {
        size: api.canvasSize(),
        nodes: api.nodeIds().map((id) => ({
          model: api.position(id),
          screen: api.renderedPosition(id),
        })),
      };
    });
    expect(placed.nodes).toHaveLength(LARGE);
    const models = placed.nodes.map(({ model }) => model as { x: number; y: number });
    expect(models.every(({ x, y }) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(new Set(models.map(({ x, y }) => `${x},${y}`)).size).toBe(LARGE);
    const outside = placed.nodes.filter(({ screen }) => {
      const { x, y } = screen as { x: number; y: number };
      return x < 0 || y < 0 || x > placed.size.width || y > placed.size.height;
    });
    expect(outside).toEqual([]);
  });

  it('when zoomed out / hides the labels, and zoomed in shows them', async () => {
    const id = (graphs.get(LARGE) as Subgraph).nodes[0]?.id as string;
    expect(await page.evaluate((node) => window.__entente?.labelDrawn(node), id)).toBe(false);
    await page.evaluate((node) => window.__entente?.zoomOn(node, 2), id);
    expect(await page.evaluate((node) => window.__entente?.labelDrawn(node), id)).toBe(true);
  });

  it('draws its relationships as straight lines without labels, even zoomed in', async () => {
    const edge = (graphs.get(LARGE) as Subgraph).edges[0]?.id as string;
    await page.evaluate((e) => {
      const api = window.__entente;
      const source = api?.nodeIds()[0];
      if (source) api?.zoomOn(source, 4);
      return e;
    }, edge);
    const look = await page.evaluate((e) => window.__entente?.edgeLook(e), edge);
    expect(look?.curveStyle).toBe('haystack');
    expect(await page.evaluate((e) => window.__entente?.labelDrawn(e), edge)).toBe(false);
  });
});

describe('a small canvas', () => {
  it('keeps curved, labelled relationships', async () => {
    const page = await drawn(SMALL);
    try {
      const edge = (graphs.get(SMALL) as Subgraph).edges[0]?.id as string;
      const look = await page.evaluate((e) => window.__entente?.edgeLook(e), edge);
      expect(look?.curveStyle).toBe('bezier');
      const source = (graphs.get(SMALL) as Subgraph).edges[0]?.from.id as string;
      await page.evaluate((node) => window.__entente?.zoomOn(node, 4), source);
      expect(await page.evaluate((e) => window.__entente?.labelDrawn(e), edge)).toBe(true);
    } finally {
      await page.close();
    }
  }, 120_000);
});
