import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale, WEB_DIST, type WebBuild } from '../../scripts/start/web-build.ts';
import { collectErrors, launchBrowser } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';

/**
 * What the test hook (web/src/graph/test-hook.ts) writes into a build: its global and the names
 * of its API that nothing else in the app or its libraries uses (`nodeIds`, `position` and the
 * like are Cytoscape's own words too, so they prove nothing).
 */
const HOOK_MARKERS = [
  '__entente',
  'renderSubgraph',
  'edgeClickPoint',
  'changedEdgeIds',
  'greyedNodeIds',
  'highlightedEdgeIds',
  'visibleNodeIds',
  'visibleEdgeIds',
  'edgeLook',
  'nodeLook',
  'focusedNodeId',
  'labelDrawn',
  'zoomOn',
  'canvasSize',
];

/** Every file of a build a browser can load, by its path (the compressed copies hold the same). */
function builtFiles(build: WebBuild): Map<string, string> {
  const dist = WEB_DIST[build];
  buildWebIfStale(dist, (line) => console.log(line), build);
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|html|css)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  return new Map(files.map((path) => [relative(dist, path), readFileSync(path, 'utf8')]));
}

const found = (files: Map<string, string>) =>
  HOOK_MARKERS.flatMap((marker) =>
    [...files].filter(([, text]) => text.includes(marker)).map(([file]) => `${marker} in ${file}`),
  );

describe('the production build', () => {
  it('when grepped / holds no window.__entente nor any of the test hook', () => {
    const files = builtFiles('production');
    expect([...files.keys()].some((file) => file.endsWith('.js'))).toBe(true);
    expect(found(files)).toEqual([]);
  });

  it('when the test build is grepped the same way / finds every marker, so the grep above can fail', () => {
    const files = [...builtFiles('test').values()].join('\n');
    expect(HOOK_MARKERS.filter((marker) => !files.includes(marker))).toEqual([]);
  });

  describe('in the browser', () => {
    let server: WebServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await startWebServer({}, 'production');
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('when the explorer has drawn a search hit / exposes no window.__entente', async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(server.url);
      const input = page.getByRole('combobox', { name: 'Search entities' });
      await input.fill('Europol');
      await page
        .getByRole('option', { name: /Europol/ })
        .first()
        .click();
      const details = page.getByRole('complementary', { name: 'Details' });
      await details.getByRole('heading', { name: 'Europol' }).waitFor();
      expect(await page.evaluate(() => '__entente' in window)).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
