// `npm run seed:synthetic -- --entities N [--seed S]`: a deterministic synthetic graph for scale
// tests and benchmarks. It replaces the database's contents and prints entities/s and
// relationships/s. Unlike curated seeding it commits in slices, so 100k entities fit any heap.
// With `--format ftm --out FILE` it writes the graph as FollowTheMoney lines instead, for
// `npm run seed -- FILE`, and leaves the database alone.

import { loadConfig } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { parseOptions, runCommand } from './cli-options.ts';
import { createProgressReporter } from './progress.ts';
import { generateSynthetic } from './synthetic.ts';
import { writeFtmLines } from './synthetic-ftm.ts';
import { loadSynthetic } from './synthetic-load.ts';

const USAGE = `Usage: npm run seed:synthetic -- [options]

Replaces the database's contents with a deterministic synthetic graph (the same seed, the same
graph) and prints entities/s and relationships/s. Uses NEO4J_URI, or the local Neo4j. With
--format ftm it writes the graph to a file as FollowTheMoney lines instead, for
\`npm run seed -- FILE\`. Progress goes to stderr: a bar on a terminal, a line every few
seconds otherwise, none with --json.

Options:
  --entities N       entities to generate (default: 10000)
  --seed S           seed of the generator, any whole number (default: 1)
  --format F         neo4j | ftm: load the database, or write FollowTheMoney lines (default: neo4j)
  --out FILE         where --format ftm writes, leaving the database alone (default: none; needed by ftm)
  --json             print the result as one JSON document, no progress (default: off)
  -h, --help         this text

Examples:
  npm run seed:synthetic -- --entities 100000
  npm run seed:synthetic -- --entities 5000 --seed 7 --json
  npm run seed:synthetic -- --entities 100000 --format ftm --out synthetic.ftm.jsonl

Exit codes: 0 loaded or written, 1 bad option or failed, 2 database unreachable.`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseOptions({
    args: argv,
    options: {
      entities: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      format: { type: 'string', default: 'neo4j' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const entities = Number(values.entities);
  const seed = Number(values.seed);
  if (!Number.isInteger(entities) || entities < 1) {
    console.error(`--entities must be a positive whole number, got "${values.entities}"`);
    return 1;
  }
  if (!Number.isInteger(seed)) {
    console.error(`--seed must be a whole number, got "${values.seed}"`);
    return 1;
  }
  if (values.format !== 'neo4j' && values.format !== 'ftm') {
    console.error(`--format must be neo4j or ftm, got "${values.format}"`);
    return 1;
  }
  if ((values.format === 'ftm') !== (values.out !== undefined)) {
    console.error('--out FILE goes with --format ftm, and --format ftm needs --out FILE');
    return 1;
  }
  if (values.out !== undefined) return writeFtm(values.out, entities, seed, values.json);
  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, { database: config.neo4j.database, timeoutMs: 0 });
  const progress = createProgressReporter({ quiet: values.json });
  try {
    await ensureSchema(db);
    const result = await loadSynthetic(db, {
      entities,
      seed,
      onProgress: (report) => progress.update(report),
    });
    progress.stop();
    if (values.json) console.log(JSON.stringify({ seed, ...result }));
    else {
      console.log(
        `Synthetic graph (seed ${seed}): ${result.entities} entities in ${result.entitySeconds.toFixed(2)} s ` +
          `(${Math.round(result.entitiesPerSecond)} entities/s), ${result.relationships} relationships in ` +
          `${result.relationshipSeconds.toFixed(2)} s (${Math.round(result.relationshipsPerSecond)} relationships/s)`,
      );
    }
    return 0;
  } finally {
    progress.stop();
    await driver.close();
  }
}

async function writeFtm(out: string, entities: number, seed: number, json: boolean) {
  const progress = createProgressReporter({ quiet: json });
  try {
    const content = generateSynthetic({
      entities,
      seed,
      onProgress: (report) => progress.update(report),
    });
    const lines = await writeFtmLines(content, out, (report) =>
      progress.update({ phase: 'writing FtM lines', ...report }),
    );
    progress.stop();
    const result = {
      entities: content.entities.length,
      relationships: content.relationships.length,
      lines,
      out,
    };
    if (json) console.log(JSON.stringify({ seed, ...result }));
    else {
      console.log(
        `Synthetic graph (seed ${seed}): ${result.entities} entities and ${result.relationships} relationships written to ${out} as FollowTheMoney lines`,
      );
    }
    return 0;
  } finally {
    progress.stop();
  }
}

runCommand(main, {
  exitCodeOf: (error) => ((error as { code?: string })?.code === 'ServiceUnavailable' ? 2 : 1),
});
