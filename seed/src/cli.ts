// `npm run seed -- [paths...]`: parses arguments, turns the core's callbacks into a progress
// bar and a summary, and sets the exit code. All the work is in import.ts.
import { basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { SLICE } from '../../server/src/db/seed-slices.ts';
import { parseOptions, printFailure, runCommand } from './cli-options.ts';
import { STREAM_BYTES } from './ftm-import.ts';
import { type ImportResult, importDatasets } from './import.ts';
import { InputError } from './inputs.ts';
import { type Format, formatProblem } from './model.ts';
import { createProgressReporter } from './progress.ts';
import { formatSummary } from './summary.ts';

const USAGE = `Usage: npm run seed -- [paths...] [options]

Validates datasets and loads them into Neo4j in one transaction. Without paths, loads the
curated datasets in seed/datasets/. Into an empty database, an FtM file of more than
${STREAM_BYTES / 2 ** 20} MiB streams (written as it is read), and a first load of more than ${SLICE.toLocaleString('en-GB')} FtM or CSV
records commits in slices; on a problem or a failed slice, the database is emptied again.

Options:
  --dry-run          validate and report what would change; write nothing (default: off)
  --reset            empty the database first (asks unless --yes) (default: off)
  -y, --yes          do not ask (default: off)
  --format F         yaml | ftm | csv | gexf | graphml (default: guessed from each path)
  --dataset ID       dataset id for FtM, CSV, GEXF or GraphML input (default: from the file or
                     folder name)
  --json             print the report as one JSON document, no progress (default: off)
  -h, --help         this text

Examples:
  npm run seed                                                load seed/datasets/
  npm run seed -- --dry-run seed/datasets/cyber-cooperation   what loading it would change
  npm run seed -- --format ftm --dataset sanctions entities.ftm.json
  npm run seed -- network.gexf                                a graph made in Gephi
  npm run seed -- --reset --yes                               empty the database, load again
  npm run seed -- backups/graph                               an export's datasets, in order

Exit codes: 0 loaded, 1 invalid input (nothing written), 2 database unreachable,
3 write failed (rolled back).`;

const FORMATS = ['yaml', 'ftm', 'csv', 'gexf', 'graphml'];

async function confirmReset(uri: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`--reset deletes everything in ${uri}. Continue? [y/N] `);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      reset: { type: 'boolean', default: false },
      yes: { type: 'boolean', short: 'y', default: false },
      format: { type: 'string' },
      dataset: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.format && !FORMATS.includes(values.format)) {
    console.error(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
    return 1;
  }
  const config = loadConfig();
  const { uri } = config.neo4j;
  if (values.reset && !values.yes && !values['dry-run'] && !(await confirmReset(uri))) {
    console.error(
      'Not resetting: confirm with --yes (or answer y on a terminal). Nothing was written.',
    );
    return 1;
  }

  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, { database: config.neo4j.database, timeoutMs: 0 });
  const progress = createProgressReporter({ quiet: values.json });
  let result: ImportResult;
  try {
    await ensureSchema(db).catch(() => {});
    result = await importDatasets(db, uri, {
      paths: positionals,
      format: values.format as Format | undefined,
      datasetId: values.dataset,
      reset: values.reset,
      dryRun: values['dry-run'],
      onReadProgress: ({ path, pass, done, total }) =>
        progress.update({ phase: `${basename(path)}: ${pass} (bytes)`, done, total }),
      onProgress: (report) =>
        progress.update({
          ...report,
          phase: report.phase === 'reset' ? 'emptying the database' : `writing ${report.phase}`,
        }),
    });
  } finally {
    progress.stop();
    await driver.close();
  }

  if (values.json) {
    console.log(
      JSON.stringify({ ...result, problems: result.problems.map(formatProblem) }, null, 2),
    );
    return result.exitCode;
  }
  for (const problem of result.problems) console.error(formatProblem(problem));
  if (result.problems.length > 0) {
    console.error(`\n${result.problems.length} problem(s); nothing was written.`);
  }
  printFailure(result, config.neo4j.managed);
  if (result.exitCode === 0) {
    console.log(formatSummary(result, { dryRun: values['dry-run'] }));
  }
  return result.exitCode;
}

runCommand(main, { plain: (error) => error instanceof InputError });
