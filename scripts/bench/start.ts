// Start-up benchmark: `npm run bench:start [-- --runs N]`. Times, from the command to the first
// 200 of /ready, `npm start` on a fresh build (no dist/, no web/dist, an empty database: it
// compiles, builds the explorer and loads the curated datasets), `npm start` again (nothing stale)
// and `npm run serve` (the compiled server alone), the baseline measured in the same run. Every
// command uses the `bench` Neo4j through NEO4J_URI, started beforehand, so Neo4j's own start is
// not counted. Writes the start-up section of docs/BENCHMARKS.md.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startCommand, waitForReady } from '../../test/helpers/serving-process.ts';
import { boltUri, ROOT } from '../neo4j/settings.ts';
import { wholeNumberOptions } from './args.ts';
import { startBenchNeo4j } from './bench-neo4j.ts';
import { machine, writeSection } from './report.ts';

const PORT = 4100;

const WAYS = [
  { name: 'npm start, fresh build', args: ['start'] },
  { name: 'npm start, nothing stale', args: ['start'] },
  { name: 'npm run serve (baseline)', args: ['run', 'serve'] },
] as const;

type Way = (typeof WAYS)[number]['name'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeToReady(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const begin = performance.now();
  const started = startCommand('npm', [...args], { cwd: ROOT, env });
  try {
    await waitForReady(`http://127.0.0.1:${PORT}/ready`, started, 300_000);
    return (performance.now() - begin) / 1000;
  } finally {
    await started.stop();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  const line = (row: string[], right: boolean[]) =>
    `| ${row.map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const right = rows[0]?.map((_, i) => i > 0) ?? [];
  const [head = [], ...body] = rows;
  const rule = `| ${widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head, right), rule, ...body.map((row) => line(row, right))].join('\n');
}

async function main() {
  const { runs } = wholeNumberOptions(
    { runs: 3 },
    'Times npm start (fresh build, then nothing stale) and npm run serve to /ready on the `bench`\nNeo4j (wiped first), and writes the results into docs/BENCHMARKS.md. Removes dist/ and web/dist.',
  );
  const log = (line: string) => console.log(line);
  const { settings, db, stop } = await startBenchNeo4j(log, 0);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEO4J_URI: boltUri(settings),
    NEO4J_USER: settings.user,
    NEO4J_PASSWORD: settings.password,
    HOST: '127.0.0.1',
    PORT: String(PORT),
  };
  const seconds = new Map<Way, number[]>(WAYS.map((way) => [way.name, []]));
  try {
    for (let run = 1; run <= runs; run += 1) {
      for (const way of WAYS) {
        if (way === WAYS[0]) {
          rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
          rmSync(join(ROOT, 'web', 'dist'), { recursive: true, force: true });
          await db.write('MATCH (n) DETACH DELETE n');
        }
        const s = await timeToReady(way.args, env);
        seconds.get(way.name)?.push(s);
        log(`Run ${run}/${runs}: ${way.name}: ${s.toFixed(2)} s to /ready`);
      }
    }
  } finally {
    await stop();
  }
  const base = median(seconds.get(WAYS[2].name) ?? []);
  const rows = [
    ['command', 'runs', 'median s to /ready', 'min s', 'max s', 'vs serve'],
    ...WAYS.map((way) => {
      const all = seconds.get(way.name) ?? [];
      const mid = median(all);
      return [
        way.name,
        String(all.length),
        mid.toFixed(2),
        Math.min(...all).toFixed(2),
        Math.max(...all).toFixed(2),
        (mid / base).toFixed(2),
      ];
    }),
  ];
  writeSection(
    'start',
    `## Start-up

\`npm run bench:start -- --runs ${runs}\` (scripts/bench/start.ts) — seconds from running the
command to the first 200 of \`/ready\`, ${runs} runs of each, in turns: \`npm start\` on a fresh
build (no dist/, no web/dist, an empty database: it compiles the server, builds the explorer and
loads the curated datasets), \`npm start\` again with nothing stale (the data is current, nothing
compiles) and \`npm run serve\` (the compiled server alone), the baseline. All run with NODE_ENV=production
on the \`bench\` Neo4j through NEO4J_URI, started before the first run: installing the npm
dependencies and resolving and starting Neo4j, which a first \`npm start\` on a fresh clone also does,
are not counted. Each includes npm's own start and the schema check against Neo4j.

${table(rows)}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
  );
  console.log(table(rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
