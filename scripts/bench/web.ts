// Front-end benchmark: `npm run bench:web [-- --sizes 500,2000,5000 --runs 3]`. Builds the web
// explorer's production and test builds when stale, reports what the production index.html loads
// first as the server sends it, serves the test build (web/dist-test: the same app plus the test
// hook, whose renderer it times) on loopback (no API: /graphql answers the ontology from the real
// schema through page.route) next to the test build of each --baseline commit, and, in headless
// Chromium, times a synthetic subgraph from data to a laid-out, painted graph with the default
// layout and with the grid layout, in each build. Writes the front-end section of
// docs/BENCHMARKS.md, with a verdict on each goal.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parseOptions, UsageError } from '../../seed/src/cli-options.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import type { Subgraph } from '../../web/src/api/types.ts';
import { LARGE_GRAPH_NODES } from '../../web/src/graph/scale.ts';
import { buildWebIfStale, WEB_DIST } from '../start/web-build.ts';
import { machine, writeSection } from './report.ts';
import { BASELINE_COMMIT, buildBaseline } from './web-baseline.ts';
import {
  fmt,
  measure,
  type Outcome,
  ontologyAnswer,
  renderOnce,
  type Sites,
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

/** Data to a drawn graph with the default layout, at most this many ms, by number of nodes. */
const GOALS = new Map([
  [2000, 1200],
  [5000, 3000],
]);

const NOW = 'now';

/** The default layout and the grid layout in one build. */
function variantsOf(build: string, label: string): Variant[] {
  return [
    { name: `default, ${label}`, build, layout: 'fcose', webgl: false },
    { name: `grid, ${label}`, build, layout: 'grid', webgl: false },
  ];
}

function table(outcomes: Outcome[], variants: Variant[], capMs: number): string[] {
  const [current, ...before] = variants.filter((v) => v.layout === 'fcose');
  const cell = (o: Outcome, v: Variant) => {
    const value = o.medians.get(v.name)?.ms;
    if (value !== undefined) return fmt(value);
    return o.timedOut.has(v.name) ? `> ${fmt(capMs)}` : 'failed';
  };
  const ratio = (o: Outcome, v: Variant) => {
    const now = current && o.medians.get(current.name)?.ms;
    const then = o.medians.get(v.name)?.ms;
    return now !== undefined && then !== undefined ? (now / then).toFixed(2) : '–';
  };
  const heads = [
    ...variants.map((v) => `${v.name} ms`),
    ...before.map((v) => `default now / ${v.build}`),
    'default now: layout ms',
  ];
  const rows = outcomes.map((o) => {
    const layout = current && o.medians.get(current.name)?.layoutMs;
    const cells = [
      ...variants.map((v) => cell(o, v)),
      ...before.map((v) => ratio(o, v)),
      layout === undefined ? '–' : fmt(layout),
    ];
    return `| ${fmt(o.size)} | ${fmt(o.edges)} | ${cells.join(' | ')} |`;
  });
  return [
    `| nodes | edges | ${heads.join(' | ')} |`,
    `| ---: | ---: | ${heads.map(() => '---:').join(' | ')} |`,
    ...rows,
  ];
}

/** Met or not met for each goal whose size was measured. */
function verdicts(outcomes: Outcome[], current: Variant): string[] {
  return outcomes.flatMap((o) => {
    const goal = GOALS.get(o.size);
    if (goal === undefined) return [];
    const ms = o.medians.get(current.name)?.ms;
    const verdict = ms !== undefined && ms <= goal ? 'met' : 'not met';
    const measured = ms === undefined ? 'no run finished' : `${fmt(ms)} ms`;
    return [`- ${fmt(o.size)} nodes in at most ${fmt(goal)} ms: **${verdict}** (${measured}).`];
  });
}

const USAGE = `Usage: npm run bench:web -- [options]

Builds the explorer when stale, and each baseline commit's explorer into a scratch directory,
reports what the production index.html loads first, and times in headless Chromium a synthetic
subgraph from data to a laid-out, painted graph with the default and the grid layout, now and in
each baseline. Needs no Neo4j. Writes the results into docs/BENCHMARKS.md.

Options:
  --sizes N,N,...      nodes of each subgraph (default: 500,2000,5000)
  --runs N             timed runs of each size and layout (default: 3)
  --seed N             seed of the synthetic graph (default: 1)
  --baseline REF,...   commits measured next to the current code (default: ${BASELINE_COMMIT})
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
      baseline: { type: 'string', default: BASELINE_COMMIT },
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
  const baselines = (values.baseline ?? '').split(',').filter(Boolean);
  return { help: values.help, sizes, runs, seed, timeoutSeconds, baselines };
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
  const { sizes, runs, seed, timeoutSeconds, baselines } = parsed;
  const log = (line: string) => console.log(line);
  // Other work on a shared machine slows every variant alike; the ratios hold, the times do not.
  const loadBefore = loadavg()[0] as number;
  buildWebIfStale(WEB_DIST.production, log);
  buildWebIfStale(WEB_DIST.test, log, 'test');
  const builds = baselines.map((ref) => ({ ref, ...buildBaseline(ref, log) }));
  const bundle = initialBundle(WEB_DIST.production);
  const ontology = await ontologyAnswer();
  log(`Generating ${(Math.max(...sizes) * SPREAD).toLocaleString('en-GB')} synthetic entities ...`);
  const graphs = subgraphs(sizes, seed);
  const variants = [
    ...variantsOf(NOW, NOW),
    ...builds.flatMap((b) => variantsOf(b.ref, `before (${b.ref})`)),
  ];
  const current = variants[0] as Variant;
  const servers = await Promise.all([serve(WEB_DIST.test), ...builds.map((b) => serve(b.dist))]);
  const sites: Sites = {
    ontology,
    urls: Object.fromEntries(
      [NOW, ...builds.map((b) => b.ref)].map((key, i) => [key, servers[i]?.url as string]),
    ),
  };
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    // One unmeasured render per build, so no measured one pays for a cold browser.
    for (const variant of variants.filter((v) => v.layout === 'fcose')) {
      await renderOnce(
        browser,
        sites,
        graphs.get(Math.min(...sizes)) as Subgraph,
        variant,
        timeoutSeconds * 1000,
      );
    }
    const outcomes: Outcome[] = [];
    for (const size of sizes) {
      const subgraph = graphs.get(size) as Subgraph;
      log(`Measuring ${size} nodes, ${subgraph.edges.length} edges ...`);
      outcomes.push(
        await measure(
          browser,
          sites,
          subgraph,
          { runs, timeoutMs: timeoutSeconds * 1000, variants },
          log,
        ),
      );
    }
    const lines = table(outcomes, variants, timeoutSeconds * 1000);
    const goals = verdicts(outcomes, current);
    const load = `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] as number).toFixed(1)} at the end`;
    const commits = builds.map((b) => `\`${b.ref}\` (${b.commit.slice(0, 12)})`).join(', ');
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

\`npm run bench:web -- --sizes ${sizes.join(',')} --runs ${runs} --baseline ${baselines.join(',')}\` (scripts/bench/web.ts) — the test
build of the explorer (web/dist-test: the production build plus its test hook), served from loopback, in headless Chromium ${chromium} (software
rendering, ${VIEWPORT.width}x${VIEWPORT.height}); the ontology request is answered from the real schema, no API or Neo4j.

**Data to drawn graph, now and before.** Each subgraph comes from the synthetic graph (${fmt(Math.max(...sizes) * SPREAD)} entities, seed ${seed}):
breadth-first from one company, each entity bringing at most ${HUB_CAP} neighbours (the API's hub cap),
then every relationship among the entities taken, in the API's answer shape. In a fresh page,
\`window.__entente.renderSubgraph\` (web/src/graph/test-hook.ts) times it from the answer to a
laid-out, painted canvas through the app's own functions — merge into the canvas state, visibility,
element conversion, the stylesheet for the canvas's size, the batched diff, the layout with the app's
options — until \`layoutstop\` and two animation frames. "Now" is this checkout; "before" is the explorer
of each baseline commit, ${commits}, unpacked with \`git archive\` into a scratch directory and built
with the same libraries (web/dist-test there, scripts/bench/web-baseline.ts), its own hook timing its
own path, so both are measured in this run, in this browser, on this machine. "Default" is the
layout a new canvas gets (fCoSE; now, above ${fmt(LARGE_GRAPH_NODES)} entities, ForceAtlas2 in a worker,
web/src/graph/run-layout.ts); grid is a layout that costs next to nothing, so grid is what styling and
drawing alone take. Each figure is the median of ${runs} runs (variants alternate in order, one fresh page
each, ${timeoutSeconds} s cap per run; a variant past the cap is shown as "> cap" and not run again at that size),
after one unmeasured warm-up render per build. "Layout" is from the layout's start to \`layoutstop\`.

${lines.join('\n')}
${notes.length > 0 ? `\n${notes.map((note) => `- ${note}`).join('\n')}\n` : ''}
**Goals** (data to a drawn graph with the default layout, now):

${goals.join('\n')}

**Initial bundle.** What the production build's \`web/dist/index.html\` loads before the app runs (the
test hook is not in it), and the Brotli and gzip copies the build writes beside each file, which the
server sends to a browser that accepts them:

${bundleLines.join('\n')}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, ${load}.`,
    );
    console.log(lines.join('\n'));
    for (const goal of goals) console.log(goal);
    console.log(bundleLines.join('\n'));
    for (const note of notes) console.log(note);
    // Past the cap is a result ("> cap"); a run that broke is not.
    const missing = (o: Outcome, v: Variant) => !o.medians.has(v.name) && !o.timedOut.has(v.name);
    if (outcomes.some((o) => variants.some((v) => missing(o, v)))) {
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    await Promise.all(
      servers.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
