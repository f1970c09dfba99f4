// `npm run export -- --out DIR`: parses arguments, turns the core's callbacks into progress and
// a list of what was written, and sets the exit code. All the work is in export.ts (and
// export-file.ts for --format, export-changes.ts for --changes).
import { relative } from 'node:path';
import { type Config, loadConfig } from '../../server/src/config.ts';
import type { Database } from '../../server/src/db/database.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { describeEdit } from './api-edits.ts';
import { parseOptions, printFailure, runCommand } from './cli-options.ts';
import { type ExportProgress, type ExportResult, exportGraph } from './export.ts';
import { type ChangesResult, exportChanges } from './export-changes.ts';
import { EXPORT_FORMATS, type ExportFormat, exportFile } from './export-file.ts';
import { formatProblem } from './model.ts';
import { createProgressReporter } from './progress.ts';

const USAGE = `Usage: npm run export -- --out DIR [options]
       npm run export -- --format gexf|graphml|ftm --out FILE [--dataset ID] [options]
       npm run export -- --dataset ID --changes [--files PATH | --out DIR] [options]

Writes every dataset in Neo4j, with what curators made through the API, as YAML datasets in
DIR: one folder per dataset, named so that they sort in the order they load. \`npm run seed -- DIR\`
loads them back. DIR must be new, empty, or an earlier export, which is replaced whole once
the new one is written and checked. With --dataset, DIR holds that dataset alone; its header
requires every dataset it refers to, which the seeder loads from seed/datasets when curated
and which must otherwise be given too (\`curation\` holds what curators created).

With --format gexf, graphml or ftm, writes one FILE instead: GEXF 1.3 for Gephi (each entity's
and relationship's dates as spells, for its timeline), GraphML, or FollowTheMoney lines (which
\`npm run seed -- FILE\` loads back). With --dataset, the file holds that dataset's records and
the entities its relationships end at.

With --changes, writes the records of the dataset that curators changed through the API since
its files were last loaded, where the files say otherwise, into the dataset's own files, in
place (seed/datasets/ID, or --files PATH): \`git diff\` then shows just those records to review
and commit. With --out DIR, a copy of the files with the changes goes there instead.

Options:
  --out DIR|FILE     the folder to write, or the file with --format (required without
                     --changes; default: none)
  --format FORMAT    yaml (datasets, for seed), gexf, graphml or ftm (default: yaml)
  --dataset ID       export this dataset only (default: every dataset)
  --changes          write the dataset's API edits into its files (needs --dataset; default: off)
  --files PATH       the dataset's files, for --changes (default: seed/datasets/ID)
  --json             print the report as one JSON document, no progress (default: off)
  -h, --help         this text

Examples:
  npm run export -- --out backups/graph
  npm run export -- --out backups/graph --json
  npm run export -- --dataset curation --out backups/curation
  npm run export -- --dataset kaspersky-eu-2018 --format gexf --out kaspersky.gexf
  npm run export -- --format ftm --out graph.ftm.json
  npm run export -- --dataset kaspersky-eu-2018 --changes

Exit codes: 0 written, 1 invalid arguments or an export the seeder would refuse (nothing
written), 2 database unreachable, 3 reading failed.`;

function formatReport(result: ExportResult, out: string): string {
  const lines = result.datasets.map(
    (d) =>
      `  ${d.folder}/  ${d.entities} entities, ${d.relationships} relationships, ${d.sources} sources, ${d.phases} added phases${d.stories > 0 ? `, ${d.stories} stories` : ''}`,
  );
  const total = (key: 'entities' | 'relationships' | 'sources') =>
    result.datasets.reduce((sum, d) => sum + d[key], 0);
  return [
    `Exported ${result.datasets.length} dataset(s) to ${out}:`,
    ...lines,
    `${total('entities')} entity records, ${total('relationships')} relationships, ${total('sources')} sources.`,
  ].join('\n');
}

function formatChanges(result: ChangesResult, dataset: string): string {
  return [
    `Wrote ${result.records.length} record(s) curators changed through the API into ${dataset}'s files:`,
    ...result.records.map((edit) => `  ${describeEdit(edit)}`),
    'Files written:',
    ...result.files.map((file) => `  ${relative(process.cwd(), file) || file}`),
    'Review them with `git diff`, then commit.',
  ].join('\n');
}

/** Why the arguments do not make a command, if they do not. */
function argumentProblem(values: {
  out?: string;
  dataset?: string;
  changes: boolean;
  files?: string;
  format: string;
}): string | undefined {
  const formats = ['yaml', ...EXPORT_FORMATS];
  if (!formats.includes(values.format))
    return `--format ${values.format}: not one of ${formats.join(', ')}.`;
  if (values.format !== 'yaml' && values.changes)
    return '--changes writes YAML datasets: leave out --format.';
  if (values.changes && !values.dataset)
    return '--changes needs --dataset ID: the dataset whose files to write.';
  if (values.files && !values.changes) return '--files PATH goes with --changes.';
  if (values.files && values.out)
    return '--files PATH and --out DIR: choose one (in place, or a copy in DIR).';
  if (!values.changes && !values.out)
    return '--out DIR is required: the folder to write the export to.';
  return undefined;
}

async function changes(values: {
  dataset: string;
  files?: string;
  out?: string;
  json: boolean;
}): Promise<number> {
  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, { database: config.neo4j.database, timeoutMs: 0 });
  let result: ChangesResult;
  try {
    result = await exportChanges(db, config.neo4j.uri, values);
  } finally {
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
  if (result.exitCode === 0) console.log(formatChanges(result, values.dataset));
  return result.exitCode;
}

/** The error of a failed export, with how to start a local Neo4j that was not running. */
/** Runs an export against the configured Neo4j, its reading shown as progress unless --json. */
async function withReading<T>(
  json: boolean,
  run: (db: Database, uri: string, onProgress: (report: ExportProgress) => void) => Promise<T>,
): Promise<{ config: Config; result: T }> {
  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, { database: config.neo4j.database, timeoutMs: 0 });
  const progress = createProgressReporter({ quiet: json });
  try {
    const result = await run(db, config.neo4j.uri, (report) =>
      progress.update({ ...report, phase: `reading ${report.phase}` }),
    );
    return { config, result };
  } finally {
    progress.stop();
    await driver.close();
  }
}

async function file(values: {
  out: string;
  format: ExportFormat;
  dataset?: string;
  json: boolean;
}): Promise<number> {
  const { config, result } = await withReading(values.json, (db, uri, onProgress) =>
    exportFile(db, uri, { ...values, onProgress }),
  );
  if (values.json) {
    console.log(JSON.stringify({ ...result, format: values.format, out: values.out }, null, 2));
    return result.exitCode;
  }
  printFailure(result, config.neo4j.managed);
  if (result.exitCode === 0) {
    console.log(
      `Exported ${result.entities} entities and ${result.relationships} relationships as ${values.format} to ${values.out}.`,
    );
  }
  return result.exitCode;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseOptions({
    args: argv,
    options: {
      out: { type: 'string' },
      dataset: { type: 'string' },
      changes: { type: 'boolean', default: false },
      files: { type: 'string' },
      format: { type: 'string', default: 'yaml' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const problem = argumentProblem(values);
  if (problem) {
    console.error(problem);
    return 1;
  }
  if (values.changes && values.dataset) {
    return changes({ ...values, dataset: values.dataset });
  }
  if (!values.out) return 1;
  if (values.format !== 'yaml') {
    return file({ ...values, out: values.out, format: values.format as ExportFormat });
  }
  const out = values.out;
  const { config, result } = await withReading(values.json, (db, uri, onProgress) =>
    exportGraph(db, uri, { out, dataset: values.dataset, onProgress }),
  );
  if (values.json) {
    console.log(
      JSON.stringify({ ...result, problems: result.problems.map(formatProblem) }, null, 2),
    );
    return result.exitCode;
  }
  for (const problem of result.problems) console.error(formatProblem(problem));
  printFailure(result, config.neo4j.managed);
  if (result.exitCode === 0) console.log(formatReport(result, values.out));
  return result.exitCode;
}

runCommand(main);
