// FollowTheMoney at scale: `npm run bench:ftm [-- --entities N]`. Writes the synthetic graph as
// FtM lines, then, each in a process of its own, reads the file as the importer does without
// writing anything (the baseline, ftm-read.ts) and imports it with `npm run seed` into the
// emptied `bench` Neo4j; each process's time and peak memory (VmHWM, polled from /proc). Writes
// the FtM section of docs/BENCHMARKS.md.

import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { STREAM_BYTES } from '../../seed/src/ftm-import.ts';
import { generateSynthetic } from '../../seed/src/synthetic.ts';
import { writeFtmLines } from '../../seed/src/synthetic-ftm.ts';
import { SLICE } from '../../server/src/db/seed-slices.ts';
import { ROOT } from '../neo4j/settings.ts';
import { wholeNumberOptions } from './args.ts';
import { KEEP_FROM, startBenchNeo4j } from './bench-neo4j.ts';
import { machine, writeSection } from './report.ts';

interface Run {
  seconds: number;
  /** Peak resident memory of the process, in bytes. */
  peak: number;
}

/** The process's peak resident set so far, from /proc; 0 once it has gone. */
function peakOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The V8 heap each measured process gets. Given more, V8 collects later and the peak says how
 * lazily it collected rather than what reading and importing need.
 */
const HEAP_MIB = 2048;

/** Runs a TypeScript entry point under node with tsx; its time, and its peak memory. */
async function timed(entry: string, args: string[], env: Record<string, string>): Promise<Run> {
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_MIB}`, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  let peak = 0;
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!done) {
    peak = Math.max(peak, peakOf(child.pid ?? 0));
    await sleep(100);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`${entry} exited with code ${code}`);
  return { seconds: (performance.now() - start) / 1000, peak };
}

async function main() {
  const { entities, seed } = wholeNumberOptions({ entities: 100_000, seed: 1 });
  const log = (line: string) => console.log(line);
  const file = join(ROOT, '.data', `synthetic-${entities}.ftm.jsonl`);
  const content = generateSynthetic({ entities, seed, datasetId: 'synthetic-ftm' });
  const relationships = content.relationships.length;
  log(`Writing ${entities.toLocaleString('en-GB')} entities as FtM lines to ${file} ...`);
  await writeFtmLines(content, file);
  const bytes = statSync(file).size;
  const { settings, db, stop } = await startBenchNeo4j(log, 0);
  try {
    log('Reading the file as the importer does, writing nothing ...');
    const read = await timed(join(ROOT, 'scripts', 'bench', 'ftm-read.ts'), [file], {});
    log('Importing it with `npm run seed` ...');
    const imported = await timed(
      join(ROOT, 'seed', 'src', 'cli.ts'),
      ['--format', 'ftm', '--dataset', 'synthetic-ftm', file],
      {
        NEO4J_URI: `bolt://127.0.0.1:${settings.boltPort}`,
        NEO4J_USER: settings.user,
        NEO4J_PASSWORD: settings.password,
      },
    );
    const [stored] = await db.read<{ entities: number; relationships: number }>(
      `CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
       CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
       RETURN entities, relationships`,
    );
    if (stored?.entities !== entities || stored.relationships !== relationships) {
      throw new Error(`the import stored ${JSON.stringify(stored)}, not the whole file`);
    }
    const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
    const mib = (n: number) => fmt(n / 2 ** 20);
    const table = [
      '| run | time (s) | entities/s | relationships/s | peak memory (MiB) | time vs reading | memory vs file |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...(
        [
          ['baseline: reading and mapping the file, writing nothing', read],
          ['`npm run seed` into the empty database', imported],
        ] as const
      ).map(
        ([name, run]) =>
          `| ${name} | ${run.seconds.toFixed(1)} | ${fmt(entities / run.seconds)} | ${fmt(relationships / run.seconds)} | ${mib(run.peak)} | ${(run.seconds / read.seconds).toFixed(2)} | ${(run.peak / bytes).toFixed(2)} |`,
      ),
    ];
    const million = entities >= KEEP_FROM;
    writeSection(
      million ? 'million-ftm' : 'ftm',
      `## ${million ? 'At a million entities: ' : ''}FollowTheMoney import

\`npm run bench:ftm -- --entities ${entities}\` (scripts/bench/ftm.ts) — the synthetic graph (seed ${seed}),
${fmt(entities)} entities and ${fmt(relationships)} relationships written as ${fmt(bytes / 2 ** 20)} MiB of FtM lines, then, each in a
process of its own: read and mapped as the importer does with nothing written (scripts/bench/ftm-read.ts, the
baseline), and imported by \`npm run seed -- --format ftm\` into the emptied \`bench\` Neo4j (a file of more than
${fmt(STREAM_BYTES / 2 ** 20)} MiB into an empty database: streamed, three passes over the file, written in committed slices of ${fmt(SLICE)}
records as they are mapped). Each process runs with a V8 heap of at most ${fmt(HEAP_MIB)} MiB; peak memory is its VmHWM, read
from /proc every 100 ms.

${table.join('\n')}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    );
    console.log(table.join('\n'));
  } finally {
    await stop();
    rmSync(file, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
