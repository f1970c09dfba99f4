// `npm run export -- --out DIR`: parses arguments, turns the core's callbacks into progress and
// a list of what was written, and sets the exit code. All the work is in export.ts.
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { parseOptions, UsageError } from './cli-options.ts';
import { type ExportResult, exportGraph } from './export.ts';
import { formatProblem } from './model.ts';
import { createProgressReporter } from './progress.ts';

const USAGE = `Usage: npm run export -- --out DIR [options]

Writes every dataset in Neo4j, with what curators made through the API, as YAML datasets in
DIR: one folder per dataset, named so that they sort in the order they load. \`npm run seed -- DIR\`
loads them back. DIR must be new, empty, or an earlier export, which is replaced whole once
the new one is written and checked.

Options:
  --out DIR          the folder to write (required; default: none)
  --json             print the report as one JSON document, no progress (default: off)
  -h, --help         this text

Examples:
  npm run export -- --out backups/graph
  npm run export -- --out backups/graph --json

Exit codes: 0 written, 1 invalid arguments or an export the seeder would refuse (nothing
written), 2 database unreachable, 3 reading failed.`;

function formatReport(result: ExportResult, out: string): string {
  const lines = result.datasets.map(
    (d) =>
      `  ${d.folder}/  ${d.entities} entities, ${d.relationships} relationships, ${d.sources} sources, ${d.phases} added phases`,
  );
  const total = (key: 'entities' | 'relationships' | 'sources') =>
    result.datasets.reduce((sum, d) => sum + d[key], 0);
  return [
    `Exported ${result.datasets.length} dataset(s) to ${out}:`,
    ...lines,
    `${total('entities')} entity records, ${total('relationships')} relationships, ${total('sources')} sources.`,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseOptions({
    args: argv,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) {
    console.error('--out DIR is required: the folder to write the export to.');
    return 1;
  }
  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, { database: config.neo4j.database, timeoutMs: 0 });
  const progress = createProgressReporter({ quiet: values.json });
  let result: ExportResult;
  try {
    result = await exportGraph(db, config.neo4j.uri, {
      out: values.out,
      onProgress: (report) => progress.update({ ...report, phase: `reading ${report.phase}` }),
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
  if (result.error) console.error(result.error);
  if (result.exitCode === 2 && config.neo4j.managed) {
    console.error(
      'The local Neo4j is not running: start it with `npm run db:start` (or keep `npm start` running), or set NEO4J_URI.',
    );
  }
  if (result.exitCode === 0) console.log(formatReport(result, values.out));
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof UsageError ? message : `Error: ${message}`);
    process.exitCode = 1;
  },
);
