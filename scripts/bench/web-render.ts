// The front-end benchmark's browser side: the test build (web/dist-test, which has the hook's
// renderer) served on loopback, and each render timed in a fresh Chromium page.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphql, print } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { schema } from '../../server/src/graphql/schema/index.ts';
import { ONTOLOGY } from '../../web/src/api/documents.ts';
import type { Subgraph } from '../../web/src/api/types.ts';
import type { RenderTiming } from '../../web/src/graph/test-hook.ts';
import type { LayoutName } from '../../web/src/state/explorer.ts';

export const VIEWPORT = { width: 1440, height: 900 };

/** The explorer's first request without the fields that read the database. */
const ONTOLOGY_ONLY = print(ONTOLOGY)
  .replace(/\n\s*datasets \{[^}]*\}/, '')
  .replace(/\n\s*timeSpan \{[^}]*\}/, '');
const SYNTHETIC_SPAN = { earliest: '1800-01-01', latest: '2025-12-31' };

/**
 * The answer to the explorer's first request, as JSON. The ontology comes from the real schema;
 * the datasets and the span of dates, asked for in the same request, would need a database: no
 * dataset to credit, and the span the synthetic graph's dates fall in (founding years from 1800,
 * ties from 1990 to 2025).
 */
export async function ontologyAnswer(): Promise<string> {
  const answer = await graphql({ schema, source: ONTOLOGY_ONLY });
  if (answer.errors?.length) throw new Error(answer.errors.map((e) => e.message).join('; '));
  return JSON.stringify({ data: { ...answer.data, datasets: [], timeSpan: SYNTHETIC_SPAN } });
}

/** One way of drawing: a build of the explorer (by its key in the sites), a layout, a renderer. */
export interface Variant {
  name: string;
  build: string;
  layout: LayoutName;
  webgl: boolean;
}

/** The explorer builds being compared, by key: the ontology answer and each build's address. */
export interface Sites {
  ontology: string;
  urls: Record<string, string>;
}

export interface Outcome {
  size: number;
  edges: number;
  /** Median timings per variant name; missing when no run finished. */
  medians: Map<string, Omit<RenderTiming, 'nodes' | 'edges'>>;
  /** Variants that hit the time cap at this size (not run again). */
  timedOut: Set<string>;
  errors: string[];
}

class Timeout extends Error {}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function serve(dist: string): Promise<{ url: string; server: Server }> {
  const server = createServer(sirv(dist, { single: true, dev: false }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, server });
    });
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh page with the explorer loaded, its ontology answered in-process. */
export async function openExplorer(browser: Browser, url: string, ontology: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.route('**/graphql', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: ontology }),
  );
  await page.goto(url);
  await page.getByTestId('graph').waitFor();
  await page.waitForFunction(() => typeof window.__entente?.renderSubgraph === 'function');
  return page;
}

/** Switches the page to the WebGL renderer; false when this Chromium has no WebGL. */
async function useWebgl(page: Page): Promise<boolean> {
  const available = await page.evaluate(
    () => document.createElement('canvas').getContext('webgl2') !== null,
  );
  if (!available) return false;
  const before = await page.evaluateHandle(() => window.__entente);
  await page.getByRole('checkbox', { name: 'WebGL' }).check();
  // The renderer switch makes a new Cytoscape instance, which exposes a new test API.
  await page.waitForFunction((old) => window.__entente && window.__entente !== old, before);
  return true;
}

export async function renderOnce(
  browser: Browser,
  sites: Sites,
  subgraph: Subgraph,
  variant: Variant,
  timeoutMs: number,
): Promise<RenderTiming | 'no webgl'> {
  const url = sites.urls[variant.build];
  if (!url) throw new Error(`no build "${variant.build}" is served`);
  const page = await openExplorer(browser, url, sites.ontology);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    if (variant.webgl && !(await useWebgl(page))) return 'no webgl';
    const timing = await withTimeout(
      page.evaluate(
        ([graph, layout]) => {
          const api = window.__entente;
          if (!api) throw new Error('window.__entente is not set');
          return api.renderSubgraph(graph, { layout });
        },
        [subgraph, variant.layout] as const,
      ),
      timeoutMs,
      `${subgraph.nodes.length} nodes`,
    );
    if (errors.length > 0) throw new Error(errors.join('; '));
    if (timing.nodes !== subgraph.nodes.length || timing.edges !== subgraph.edges.length) {
      throw new Error(`drew ${timing.nodes} nodes and ${timing.edges} edges`);
    }
    return timing;
  } finally {
    await page.close();
  }
}

export async function measure(
  browser: Browser,
  sites: Sites,
  subgraph: Subgraph,
  options: { runs: number; timeoutMs: number; variants: Variant[] },
  log: (line: string) => void,
): Promise<Outcome> {
  const times = new Map<string, RenderTiming[]>(options.variants.map((v) => [v.name, []]));
  const errors: string[] = [];
  const skipped = new Set<string>();
  const timedOut = new Set<string>();
  for (let run = 0; run < options.runs; run += 1) {
    // Alternate the order, so neither variant always follows the other.
    const variants = run % 2 === 0 ? options.variants : [...options.variants].reverse();
    for (const variant of variants) {
      if (skipped.has(variant.name)) continue;
      try {
        const timing = await renderOnce(browser, sites, subgraph, variant, options.timeoutMs);
        if (timing === 'no webgl') {
          skipped.add(variant.name);
          errors.push(`${variant.name}: this Chromium has no WebGL`);
          continue;
        }
        times.get(variant.name)?.push(timing);
        log(`  ${subgraph.nodes.length} nodes, ${variant.name}: ${fmt(timing.ms)} ms`);
      } catch (error) {
        // Past the cap once, past it every time: the later runs would only cost more minutes.
        if (error instanceof Timeout) {
          skipped.add(variant.name);
          timedOut.add(variant.name);
        }
        const message = error instanceof Error ? error.message : String(error);
        log(`  ${subgraph.nodes.length} nodes, ${variant.name}: ${message}`);
        errors.push(`${variant.name}: ${message}`);
      }
    }
  }
  const medians: Outcome['medians'] = new Map();
  for (const [name, timings] of times) {
    const ms = median(timings.map((t) => t.ms));
    const prepareMs = median(timings.map((t) => t.prepareMs));
    const layoutMs = median(timings.map((t) => t.layoutMs));
    if (ms !== undefined && prepareMs !== undefined && layoutMs !== undefined) {
      medians.set(name, { ms, prepareMs, layoutMs });
    }
  }
  return { size: subgraph.nodes.length, edges: subgraph.edges.length, medians, timedOut, errors };
}
