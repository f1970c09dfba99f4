// Seeding benchmark: `npm run bench:seed [-- --entities N]`. Loads the synthetic graph with the
// seeder into the `bench` Neo4j (wiped first) and, in the same run, the same rows with a bare
// `UNWIND ... CREATE` (no MERGE, no change detection) as the baseline. Writes the seeding
// section of docs/BENCHMARKS.md.
import { createProgressReporter, type Progress } from '../../seed/src/progress.ts';
import { generateSynthetic } from '../../seed/src/synthetic.ts';
import {
  BATCH,
  loadSynthetic,
  SLICE,
  type SyntheticLoadResult,
} from '../../seed/src/synthetic-load.ts';
import type { Database } from '../../server/src/db/database.ts';
import { wholeNumberOptions } from './args.ts';
import { startBenchNeo4j } from './bench-neo4j.ts';
import { machine, writeSection } from './report.ts';

interface Rates {
  entitiesPerSecond: number;
  relationshipsPerSecond: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function baseline(db: Database, entities: number, seed: number): Promise<Rates> {
  const content = generateSynthetic({ entities, seed });
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await db.write('CREATE INDEX baseline_id IF NOT EXISTS FOR (n:Baseline) ON (n.id)');
  await db.write('CALL db.awaitIndexes(300)');
  const rows = content.entities.map(({ evidence: _e, ...entity }) => entity);
  const slices = async (items: unknown[], cypher: string) => {
    for (let i = 0; i < items.length; i += SLICE) {
      const slice = items.slice(i, i + SLICE);
      await db.transaction(async (tx) => {
        for (let j = 0; j < slice.length; j += BATCH)
          await tx.run(cypher, { rows: slice.slice(j, j + BATCH) });
      });
    }
  };
  let start = performance.now();
  await slices(rows, 'UNWIND $rows AS row CREATE (n:Baseline) SET n = row');
  const entitySeconds = (performance.now() - start) / 1000;
  const rels = content.relationships.map(({ from, to, id }) => ({ from, to, id }));
  start = performance.now();
  await slices(
    rels,
    'UNWIND $rows AS row MATCH (a:Baseline {id: row.from}) MATCH (b:Baseline {id: row.to}) CREATE (a)-[:BASELINE {id: row.id}]->(b)',
  );
  const relationshipSeconds = (performance.now() - start) / 1000;
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await db.write('DROP INDEX baseline_id IF EXISTS');
  return {
    entitiesPerSecond: rows.length / entitySeconds,
    relationshipsPerSecond: rels.length / relationshipSeconds,
  };
}

async function main() {
  const { entities, seed, rounds } = wholeNumberOptions({
    entities: 100_000,
    seed: 1,
    rounds: 3,
  });
  const log = (line: string) => console.log(line);
  const { db, stop } = await startBenchNeo4j(log, 0);
  try {
    log('Warm-up: 5,000 entities ...');
    await loadSynthetic(db, { entities: 5000, seed });
    await baseline(db, 5000, seed);
    const runs: { base: Rates; seeded: SyntheticLoadResult; reseeded: Rates }[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      log(`Round ${round}/${rounds}: baseline, seeder, seeder again on ${entities} entities ...`);
      const base = await baseline(db, entities, seed);
      const progress = createProgressReporter();
      const onProgress = (report: Progress) => progress.update(report);
      const seeded = await loadSynthetic(db, { entities, seed, onProgress });
      const reseeded = await loadSynthetic(db, { entities, seed, keep: true, onProgress });
      progress.stop();
      runs.push({ base, seeded, reseeded });
    }
    const pick = (key: 'base' | 'seeded' | 'reseeded'): Rates => ({
      entitiesPerSecond: median(runs.map((run) => run[key].entitiesPerSecond)),
      relationshipsPerSecond: median(runs.map((run) => run[key].relationshipsPerSecond)),
    });
    const base = pick('base');
    const seeded = {
      ...pick('seeded'),
      entities: runs[0]?.seeded.entities ?? 0,
      relationships: runs[0]?.seeded.relationships ?? 0,
    };
    const reseeded = pick('reseeded');
    const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const table = [
      '| run | entities/s | relationships/s | entities/s vs baseline | relationships/s vs baseline |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| baseline: bare UNWIND/CREATE | ${fmt(base.entitiesPerSecond)} | ${fmt(base.relationshipsPerSecond)} | 1.00 | 1.00 |`,
      `| seeder, empty database | ${fmt(seeded.entitiesPerSecond)} | ${fmt(seeded.relationshipsPerSecond)} | ${ratio(seeded.entitiesPerSecond, base.entitiesPerSecond)} | ${ratio(seeded.relationshipsPerSecond, base.relationshipsPerSecond)} |`,
      `| seeder, same data again | ${fmt(reseeded.entitiesPerSecond)} | ${fmt(reseeded.relationshipsPerSecond)} | ${ratio(reseeded.entitiesPerSecond, base.entitiesPerSecond)} | ${ratio(reseeded.relationshipsPerSecond, base.relationshipsPerSecond)} |`,
    ];
    // At a million entities the goal is both rates; the everyday size keeps its entity goal.
    const million = entities >= 1_000_000;
    const target = million ? 50_000 : 20_000;
    const met = (rate: number) => (rate >= target ? 'met' : 'not met');
    const goal = million
      ? `${fmt(target)} entities/s — ${met(seeded.entitiesPerSecond)}; ${fmt(target)} relationships/s — ${met(seeded.relationshipsPerSecond)}`
      : `${fmt(target)} entities/s — ${met(seeded.entitiesPerSecond)}`;
    writeSection(
      million ? 'million-seed' : 'seed',
      `## ${million ? 'At a million entities: seeding' : 'Seeding'}

\`npm run bench:seed\` (scripts/bench/seed.ts) — synthetic graph, ${fmt(seeded.entities)} entities and
${fmt(seeded.relationships)} relationships (seed ${seed}), written by the seeder in committed slices of
${fmt(SLICE)} rows, batches of ${fmt(BATCH)}, on the \`bench\` Neo4j. The baseline writes the same rows with
a bare \`UNWIND ... CREATE\` (no lookup, no change detection, no labels per kind, no search index) in
the same run. Each figure is the median of ${rounds} rounds (baseline, seeder, seeder again) after a warm-up.
Into the emptied database the seeder creates each slice without looking its records up first;
"same data again" is the careful path, which compares every record with what is stored.
Goal (seeder, empty database): ${goal}.

${table.join('\n')}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    );
    console.log(table.join('\n'));
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
