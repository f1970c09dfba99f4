import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../neo4j/settings.ts';

const FILE = join(ROOT, 'docs', 'BENCHMARKS.md');
const HEADER = `# Benchmarks

Each section is written by a script anyone can rerun; each reports its measurements next to a
baseline measured in the same run on the same machine, because absolute times on shared
machines drift. Read the ratios; treat the absolute numbers as this machine's, on that day.
`;

/**
 * Replaces (or appends) the section between this name's markers in docs/BENCHMARKS.md, then
 * formats the file as the linter wants it (tables aligned), so a rerun leaves it lint-clean.
 */
export function writeSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
  const formatted = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'biome'),
    ['format', '--write', FILE],
    {
      encoding: 'utf8',
    },
  );
  if (formatted.status !== 0) console.warn(`biome could not format ${FILE}: ${formatted.stderr}`);
}

export function machine(): string {
  const gib = Math.round(totalmem() / 2 ** 30);
  return `${cpus().length} cores, ${gib} GiB, ${process.platform}/${process.arch}, Node ${process.version}`;
}
