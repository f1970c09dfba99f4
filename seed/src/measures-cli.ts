// `npm run measures -- [--dataset ID] [--as-of DATE]`: parses arguments, turns the job's
// callbacks into progress and a summary, and sets the exit code. All the work is in measures.ts.
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { MAX_MEASURE_WORK } from '../../server/src/measures/graph-measures.ts';
import { parseOptions, printFailure, runCommand } from './cli-options.ts';
import { type MeasuresResult, runMeasures } from './measures.ts';
import { createProgressReporter } from './progress.ts';

const USAGE = `Usage: npm run measures -- [options]

Computes degree, weighted degree, betweenness, PageRank and Louvain communities over the whole
graph (or one dataset), as of a date, and stores them on each entity with the instant they were
computed: the API's \`Entity.measures\` and \`ranking\` read them. Relationships count either way
round; an entity not existing at the date is left unmeasured. A graph whose work (entities ×
(entities + relationships)) is over ${MAX_MEASURE_WORK.toExponential(1)}, about a minute, is refused
before it is read.

Options:
  --dataset ID       measure this dataset alone: its entities and relationships (default: the whole graph)
  --as-of DATE       only what held then: YYYY, YYYY-MM or YYYY-MM-DD (default: every relationship)
  --json             print the report as one JSON document, no progress (default: off)
  -h, --help         this text

Examples:
  npm run measures
  npm run measures -- --as-of 2019-01-01
  npm run measures -- --dataset cyber-cooperation --as-of 2018
  npm run -s measures -- --json

Exit codes: 0 stored, 1 invalid arguments or a graph too large (nothing written), 2 database
unreachable, 3 reading, computing or writing failed (nothing written).`;

const number = (n: number, digits: number) => n.toFixed(digits);

function formatReport(result: MeasuresResult): string {
  const scope = `${result.dataset ? `dataset ${result.dataset}` : 'the whole graph'}${result.asOf ? ` as of ${result.asOf}` : ''}`;
  return [
    `Measured ${scope}: ${result.entities} entities, ${result.relationships} relationships, ${result.communities} communities (computed at ${result.computedAt}).`,
    'Highest betweenness:',
    ...result.brokers.map(
      (item) => `  ${item.id}  ${number(item.value, 4)}  (community ${item.community})`,
    ),
    `Read ${result.timings.readMs} ms, computed ${result.timings.computeMs} ms, wrote ${result.timings.writeMs} ms.`,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseOptions({
    args: argv,
    options: {
      dataset: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const db = createDatabase(driver, { database: config.neo4j.database, timeoutMs: 0 });
  const progress = createProgressReporter({ quiet: values.json });
  let result: MeasuresResult;
  try {
    result = await runMeasures(db, config.neo4j.uri, {
      dataset: values.dataset,
      asOf: values['as-of'],
      onProgress: (report) => progress.update(report),
    });
  } finally {
    progress.stop();
    await driver.close();
  }
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return result.exitCode;
  }
  printFailure(result, config.neo4j.managed);
  if (result.exitCode === 0) console.log(formatReport(result));
  return result.exitCode;
}

runCommand(main);
