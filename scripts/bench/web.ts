// Front-end benchmark: `npm run bench:web [-- --sizes 500,2000,5000 --runs 3]`. Builds the web
// explorer's production and test builds when stale, reports what the production index.html loads
// first as the server sends it, serves the test build (web/dist-test: the same app plus the test
// hook, whose renderer it times) on loopback (no API: /graphql answers the ontology from the real
// schema through page.route) and, in headless Chromium, times a synthetic subgraph from data to a
// laid-out, painted graph with the default layout (fCoSE) next to the grid layout as the in-run
// baseline. Writes the front-end section of docs/BENCHMARKS.md.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { graphql, print } from 'graphql';
import type { Browser } from 'playwright-core';
import { parseOptions, UsageError } from '../../seed/src/cli-options.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { schema } from '../../server/src/graphql/schema/index.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { ONTOLOGY } from '../../web/src/api/documents.ts';

/** The explorer's first request without the fields that read the database. */
const ONTOLOGY_ONLY = print(ONTOLOGY)
  .replace(/\n\s*datasets \{[^}]*\}/, '')
  .replace(/\n\s*timeSpan \{[^}]*\}/, '');
const SYNTHETIC_SPAN = { earliest: '1800-01-01', latest: '2025-12-31' };

import type { Subgraph } from '../../web/src/api/types.ts';
import { buildWebIfStale, WEB_DIST } from '../start/web-build.ts';
import { machine, writeSection } from './report.ts';
import {
  BASELINE,
  FCOSE,
  fmt,
  GRID_WEBGL,
  measure,
  type Outcome,
  renderOnce,
  serve,
  type Variant,
  VIEWPORT,
} from './web-render.ts';
import { SPREAD, subgraphs } from './web-subgraphs.ts';

/** Bytes of the build's compressed copy of a file (vite.config.ts); the file's own when it has none. */
function copySize(path: string, extension: '.br' | '.gz'): number {
  return statSync(existsSync(`${path}${extension}`) ? `${path}${extension}` : path).size;
}

/** The JS and CSS index.html loads before anything else, with the copies the server sends. */
function initialBundle(dist: string): { file: string; bytes: number; br: number; gzip: number }[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const files = tags.flatMap((tag) => {
    const src = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const loads =
      tag.startsWith('<script') || /\srel="(stylesheet|modulepreload)"/.test(tag) ? src : undefined;
    return loads && !loads.startsWith('data:') && !/^[a-z]+:\/\//.test(loads) ? [loads] : [];
  });
  return files.map((file) => {
    const path = join(dist, file.replace(/^\//, ''));
    return {
      file,
      bytes: statSync(path).size,
      br: copySize(path, '.br'),
      gzip: copySize(path, '.gz'),
    };
  });
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

const USAGE = `Usage: npm run bench:web -- [options]

Builds the explorer when stale, reports what its production index.html loads first, and times in
headless Chromium a synthetic subgraph from data to a laid-out, painted graph (fCoSE next to the
grid layout as the baseline). Needs no Neo4j. Writes the results into docs/BENCHMARKS.md.

Options:
  --sizes N,N,...      nodes of each subgraph (default: 500,2000,5000)
  --runs N             timed runs of each size and layout (default: 3)
  --seed N             seed of the synthetic graph (default: 1)
  --timeout-seconds N  give up on one render after this long (default: 120)
  -h, --help           this text

Example:
  npm run bench:web -- --sizes 500,1000 --runs 1`;

/** The options, or a UsageError naming the bad one. */
function options(args: string[]) {
  const { values } = parseOptions({
    args,
    options: {
      sizes: { type: 'string', default: '500,2000,5000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'timeout-seconds': { type: 'string', default: '120' },
      help: { type: 'boolean', short: 'h', default: false },
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
      throw new UsageError(`--${name} must be whole numbers >= 1, got ${value}`);
    }
  }
  if (!Number.isSafeInteger(seed))
    throw new UsageError(`--seed must be a whole number, got ${seed}`);
  return { help: values.help, sizes, runs, seed, timeoutSeconds };
}

async function main() {
  let parsed: ReturnType<typeof options>;
  try {
    parsed = options(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nRun \`npm run bench:web -- --help\` for the options.`);
    process.exitCode = 1;
    return;
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const { sizes, runs, seed, timeoutSeconds } = parsed;
  const log = (line: string) => console.log(line);
  buildWebIfStale(WEB_DIST.production, log);
  buildWebIfStale(WEB_DIST.test, log, 'test');
  const bundle = initialBundle(WEB_DIST.production);
  // The ontology comes from the real schema; the datasets and the span of dates, which the
  // explorer asks for in the same request, would need a database: no dataset to credit, and the
  // span the synthetic graph's dates fall in (founding years from 1800, ties from 1990 to 2025).
  const answer = await graphql({ schema, source: ONTOLOGY_ONLY });
  if (answer.errors?.length) throw new Error(answer.errors.map((e) => e.message).join('; '));
  const ontology = JSON.stringify({
    data: { ...answer.data, datasets: [], timeSpan: SYNTHETIC_SPAN },
  });
  log(`Generating ${(Math.max(...sizes) * SPREAD).toLocaleString('en-GB')} synthetic entities ...`);
  const graphs = subgraphs(sizes, seed);
  const variants = [BASELINE, FCOSE, GRID_WEBGL];
  const { url, server } = await serve(WEB_DIST.test);
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
    const sum = (key: 'bytes' | 'br' | 'gzip') => bundle.reduce((total, f) => total + f[key], 0);
    const bundleLines = [
      '| file | kB | kB Brotli | kB gzip |',
      '| --- | ---: | ---: | ---: |',
      ...bundle.map(
        (f) =>
          `| \`${f.file.replace(/^\//, '')}\` | ${kb(f.bytes)} | ${kb(f.br)} | ${kb(f.gzip)} |`,
      ),
      `| **initial load** | **${kb(sum('bytes'))}** | **${kb(sum('br'))}** | **${kb(sum('gzip'))}** |`,
    ];
    const notes = [...new Set(outcomes.flatMap((o) => o.errors))];
    const chromium = browser.version();
    writeSection(
      'web',
      `## Front end

\`npm run bench:web -- --sizes ${sizes.join(',')} --runs ${runs}\` (scripts/bench/web.ts) — the test
build of the explorer (web/dist-test: the production build plus its test hook), served from loopback, in headless Chromium ${chromium} (software
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
**Initial bundle.** What the production build's \`web/dist/index.html\` loads before the app runs (the
test hook is not in it), and the Brotli and gzip copies the build writes beside each file, which the
server sends to a browser that accepts them:

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
