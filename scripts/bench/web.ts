// Front-end benchmark: `npm run bench:web [-- --sizes 500,2000,5000 --runs 3]`. Builds the web
// explorer when stale, measures the gzip size of what index.html loads first, serves web/dist on
// loopback (no API: /graphql answers the ontology from the real schema through page.route) and, in
// headless Chromium, times a synthetic subgraph from data to a laid-out, painted graph with the
// default layout (fCoSE) next to the grid layout as the in-run baseline. Writes the front-end
// section of docs/BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { graphql } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { generateSynthetic } from '../../seed/src/synthetic.ts';
import { RELATIONSHIP_TYPE_INFO } from '../../server/src/domain/relationship-types.ts';
import { enumName } from '../../server/src/graphql/schema/enums.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { schema } from '../../server/src/graphql/schema/index.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { ONTOLOGY } from '../../web/src/api/documents.ts';
import type { EntitySummary, Relationship, Subgraph } from '../../web/src/api/types.ts';
import type { RenderTiming } from '../../web/src/graph/test-hook.ts';
import type { LayoutName } from '../../web/src/state/explorer.ts';
import { ROOT } from '../neo4j/settings.ts';
import { buildWebIfStale } from '../start/web-build.ts';
import { machine, writeSection } from './report.ts';

const DIST = join(ROOT, 'web', 'dist');
const VIEWPORT = { width: 1440, height: 900 };
/** Synthetic entities per node of the largest subgraph, so it is a part of a larger graph. */
const SPREAD = 4;

/** One way of drawing: a layout, on the canvas or the WebGL renderer. */
interface Variant {
  name: string;
  layout: LayoutName;
  webgl: boolean;
}

const BASELINE: Variant = { name: 'grid (baseline)', layout: 'grid', webgl: false };
const FCOSE: Variant = { name: 'fCoSE (default)', layout: 'fcose', webgl: false };
const GRID_WEBGL: Variant = { name: 'grid, WebGL renderer', layout: 'grid', webgl: true };

interface Outcome {
  size: number;
  edges: number;
  /** Median timings per variant name; missing when no run finished. */
  medians: Map<string, Omit<RenderTiming, 'nodes' | 'edges'>>;
  /** Variants that hit the time cap at this size (not run again). */
  timedOut: Set<string>;
  errors: string[];
}

class Timeout extends Error {}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The JS and CSS index.html loads before anything else, each gzipped as a server would. */
function initialBundle(dist: string): { file: string; bytes: number; gzip: number }[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const files = tags.flatMap((tag) => {
    const src = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const loads =
      tag.startsWith('<script') || /\srel="(stylesheet|modulepreload)"/.test(tag) ? src : undefined;
    return loads && !loads.startsWith('data:') && !/^[a-z]+:\/\//.test(loads) ? [loads] : [];
  });
  return files.map((file) => {
    const content = readFileSync(join(dist, file.replace(/^\//, '')));
    return { file, bytes: content.length, gzip: gzipSync(content).length };
  });
}

/**
 * About N entities the way an analyst gathers them: breadth-first from one company, each entity
 * bringing at most HUB_CAP neighbours (as a neighbourhood fetch does), then every relationship
 * among them (as a shared view restores them). Larger sizes extend the smaller ones.
 */
function subgraphs(sizes: number[], seed: number): Map<number, Subgraph> {
  const largest = Math.max(...sizes);
  const content = generateSynthetic({ entities: largest * SPREAD, seed });
  const neighbours = new Map<string, string[]>();
  for (const rel of content.relationships) {
    for (const [a, b] of [
      [rel.from, rel.to],
      [rel.to, rel.from],
    ] as const) {
      const list = neighbours.get(a) ?? [];
      list.push(b);
      neighbours.set(a, list);
    }
  }
  const degree = (id: string) => neighbours.get(id)?.length ?? 0;
  const start = content.entities.find((e) => e.kind === 'Company' && degree(e.id) >= 5);
  if (!start) throw new Error('the synthetic graph has no company with five relationships');
  const order = [start.id];
  const seen = new Set(order);
  for (let i = 0; i < order.length && order.length < largest; i += 1) {
    for (const next of (neighbours.get(order[i] ?? '') ?? []).slice(0, HUB_CAP)) {
      if (seen.has(next)) continue;
      seen.add(next);
      order.push(next);
      if (order.length === largest) break;
    }
  }
  if (order.length < largest) throw new Error(`only ${order.length} entities are connected`);
  const byId = new Map(content.entities.map((e) => [e.id, e]));
  const ref = (id: string) => {
    const entity = byId.get(id);
    if (!entity) throw new Error(`no entity ${id}`);
    return { id, name: entity.name, kind: enumName(entity.kind) };
  };
  const result = new Map<number, Subgraph>();
  for (const size of sizes) {
    const ids = new Set(order.slice(0, size));
    const nodes: EntitySummary[] = [...ids].map((id) => {
      const entity = byId.get(id);
      return {
        ...ref(id),
        aliases: entity?.aliases ?? [],
        degree: degree(id),
        country: entity?.country ?? null,
      };
    });
    const edges: Relationship[] = content.relationships
      .filter((rel) => ids.has(rel.from) && ids.has(rel.to))
      .map((rel) => ({
        id: rel.id,
        type: rel.type,
        status: enumName(rel.status),
        since: rel.since ?? null,
        until: rel.until ?? null,
        label: RELATIONSHIP_TYPE_INFO[rel.type].label,
        from: ref(rel.from),
        to: ref(rel.to),
      }));
    result.set(size, { nodes, edges, hubs: [], truncated: false });
  }
  return result;
}

function serve(dist: string): Promise<{ url: string; server: Server }> {
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
async function openExplorer(browser: Browser, url: string, ontology: string): Promise<Page> {
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

async function renderOnce(
  browser: Browser,
  site: { url: string; ontology: string },
  subgraph: Subgraph,
  variant: Variant,
  timeoutMs: number,
): Promise<RenderTiming | 'no webgl'> {
  const page = await openExplorer(browser, site.url, site.ontology);
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

async function measure(
  browser: Browser,
  site: { url: string; ontology: string },
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
        const timing = await renderOnce(browser, site, subgraph, variant, options.timeoutMs);
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

function table(outcomes: Outcome[], variants: Variant[], capMs: number): string[] {
  const measured = variants.filter((v) =>
    outcomes.some((o) => o.medians.has(v.name) || o.timedOut.has(v.name)),
  );
  const others = measured.filter((v) => v !== BASELINE);
  const rows = outcomes.map((o) => {
    const base = o.medians.get(BASELINE.name)?.ms;
    const ms = (v: Variant) => o.medians.get(v.name)?.ms;
    const cells = measured.map((v) => {
      const value = ms(v);
      if (value !== undefined) return fmt(value);
      return o.timedOut.has(v.name) ? `> ${fmt(capMs)}` : 'failed';
    });
    const ratios = others.map((v) => {
      const value = ms(v);
      if (base === undefined) return '–';
      if (value !== undefined) return (value / base).toFixed(2);
      return o.timedOut.has(v.name) ? `> ${(capMs / base).toFixed(1)}` : '–';
    });
    const prepare = o.medians.get(BASELINE.name)?.prepareMs;
    const layout = o.medians.get(FCOSE.name)?.layoutMs;
    const parts = [prepare, layout].map((value) => (value === undefined ? '–' : fmt(value)));
    return `| ${fmt(o.size)} | ${fmt(o.edges)} | ${[...cells, ...ratios, ...parts].join(' | ')} |`;
  });
  const heads = [
    ...measured.map((v) => `${v.name} ms`),
    ...others.map((v) => `${v.name.replace(/ \(default\)$/, '')} / grid`),
    'of grid: before Cytoscape ms',
    'of fCoSE: layout ms',
  ];
  return [
    `| nodes | edges | ${heads.join(' | ')} |`,
    `| ---: | ---: | ${heads.map(() => '---:').join(' | ')} |`,
    ...rows,
  ];
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: { type: 'string', default: '500,2000,5000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'timeout-seconds': { type: 'string', default: '120' },
    },
  });
  const sizes = (values.sizes ?? '').split(',').map(Number);
  const [runs, seed, timeoutSeconds] = [values.runs, values.seed, values['timeout-seconds']].map(
    Number,
  ) as [number, number, number];
  for (const [name, value] of [
    ...sizes.map((size) => ['sizes', size] as const),
    ['runs', runs] as const,
    ['timeout-seconds', timeoutSeconds] as const,
  ]) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`--${name} must be whole numbers >= 1, got ${value}`);
    }
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number, got ${seed}`);
  const log = (line: string) => console.log(line);
  buildWebIfStale(DIST, log);
  const bundle = initialBundle(DIST);
  const answer = await graphql({ schema, source: ONTOLOGY });
  if (answer.errors?.length) throw new Error(answer.errors.map((e) => e.message).join('; '));
  const ontology = JSON.stringify(answer);
  log(`Generating ${(Math.max(...sizes) * SPREAD).toLocaleString('en-GB')} synthetic entities ...`);
  const graphs = subgraphs(sizes, seed);
  const variants = [BASELINE, FCOSE, GRID_WEBGL];
  const { url, server } = await serve(DIST);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    // One unmeasured render, so the first measured one does not pay for a cold browser.
    await renderOnce(
      browser,
      { url, ontology },
      graphs.get(Math.min(...sizes)) as Subgraph,
      FCOSE,
      timeoutSeconds * 1000,
    );
    const outcomes: Outcome[] = [];
    for (const size of sizes) {
      const subgraph = graphs.get(size) as Subgraph;
      log(`Measuring ${size} nodes, ${subgraph.edges.length} edges ...`);
      outcomes.push(
        await measure(
          browser,
          { url, ontology },
          subgraph,
          { runs, timeoutMs: timeoutSeconds * 1000, variants },
          log,
        ),
      );
    }
    const lines = table(outcomes, variants, timeoutSeconds * 1000);
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    const total = bundle.reduce((sum, file) => sum + file.gzip, 0);
    const bundleLines = [
      '| file | kB | kB gzip |',
      '| --- | ---: | ---: |',
      ...bundle.map((f) => `| \`${f.file.replace(/^\//, '')}\` | ${kb(f.bytes)} | ${kb(f.gzip)} |`),
      `| **initial load** | **${kb(bundle.reduce((sum, f) => sum + f.bytes, 0))}** | **${kb(total)}** |`,
    ];
    const notes = [...new Set(outcomes.flatMap((o) => o.errors))];
    const chromium = browser.version();
    writeSection(
      'web',
      `## Front end

\`npm run bench:web -- --sizes ${sizes.join(',')} --runs ${runs}\` (scripts/bench/web.ts) — the production
build of the explorer (web/dist), served from loopback, in headless Chromium ${chromium} (software
rendering, ${VIEWPORT.width}x${VIEWPORT.height}); the ontology request is answered from the real schema, no API or Neo4j.

**Data to drawn graph.** Each subgraph comes from the synthetic graph (${fmt(Math.max(...sizes) * SPREAD)} entities, seed ${seed}):
breadth-first from one company, each entity bringing at most ${HUB_CAP} neighbours (the API's hub cap),
then every relationship among the entities taken, in the API's answer shape. In a fresh page,
\`window.__entente.renderSubgraph\` (web/src/graph/test-hook.ts) times it from the answer to a
laid-out, painted canvas through the app's own functions — merge into the canvas state, visibility,
element conversion, the batched diff, the layout with the app's options — until \`layoutstop\` and two
animation frames. The grid layout is the baseline measured in the same run: the same path with a
layout that costs next to nothing, so fCoSE / grid is what the force-directed layout adds. Each figure
is the median of ${runs} runs (variants alternate in order, one fresh page each, ${timeoutSeconds} s cap per run;
a variant past the cap is shown as "> cap" and not run again at that size), after one unmeasured
warm-up render. "Before Cytoscape" is the app's own code ahead of the batched diff (canvas state,
visibility, element definitions); "layout" is from the layout's start to \`layoutstop\`. The WebGL
renderer is Cytoscape's, switched on with the toolbar's checkbox; here WebGL is software (SwiftShader).

${lines.join('\n')}
${notes.length > 0 ? `\n${notes.map((note) => `- ${note}`).join('\n')}\n` : ''}
**Initial bundle.** What \`web/dist/index.html\` loads before the app runs, gzipped with node:zlib at
its default level (what a compressing server sends):

${bundleLines.join('\n')}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    );
    console.log(lines.join('\n'));
    console.log(bundleLines.join('\n'));
    for (const note of notes) console.log(note);
    // Past the cap is a result ("> cap"); a run that broke is not.
    const missing = (o: Outcome, v: Variant) => !o.medians.has(v.name) && !o.timedOut.has(v.name);
    if (outcomes.some((o) => missing(o, BASELINE) || missing(o, FCOSE))) {
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
