// The measures job: reads the graph (or a dataset) as of a date, computes every measure with
// the shared module the explorer uses too, and stores them on the entities. Reports progress
// through a callback; knows nothing of terminals (measures-cli.ts does).
import type { Database } from '../../server/src/db/database.ts';
import { listDatasets } from '../../server/src/db/dataset-repository.ts';
import {
  countMeasureScope,
  type MeasureScope,
  readMeasureGraph,
  writeMeasures,
} from '../../server/src/db/measure-repository.ts';
import { parsePartialDate } from '../../server/src/domain/partial-date.ts';
import {
  computeMeasures,
  MAX_MEASURE_WORK,
  measureWork,
  type Ranked,
  rankBy,
} from '../../server/src/measures/graph-measures.ts';
import { driverMessage, isUnreachable } from './import.ts';
import type { Progress } from './progress.ts';

export interface MeasuresOptions {
  /** Measure this dataset alone (default: the whole graph). */
  dataset?: string;
  /** Measure the graph as of this date, YYYY, YYYY-MM or YYYY-MM-DD (default: every relationship). */
  asOf?: string;
  /** The largest work accepted (graph-measures.ts measureWork); default MAX_MEASURE_WORK. */
  maxWork?: number;
  /** The instant recorded as when the measures were computed; default now. */
  now?: () => Date;
  onProgress?: (progress: Progress) => void;
}

export interface MeasuresResult {
  /** 0 stored, 1 bad arguments or a graph too large (nothing written), 2 Neo4j unreachable, 3 failed. */
  exitCode: 0 | 1 | 2 | 3;
  dataset: string | null;
  asOf: string | null;
  computedAt: string | null;
  entities: number;
  relationships: number;
  communities: number;
  /** The five entities of highest betweenness: who brokers between the others. */
  brokers: Ranked[];
  timings: { readMs: number; computeMs: number; writeMs: number };
  error?: string;
}

const since = (start: number) => Math.round(performance.now() - start);

/** Why the scope cannot be measured, if it cannot. */
async function scopeProblem(db: Database, options: MeasuresOptions): Promise<string | undefined> {
  if (options.dataset) {
    const known = (await listDatasets(db)).map((dataset) => dataset.id);
    if (!known.includes(options.dataset))
      return `--dataset: no dataset "${options.dataset}" is loaded (loaded: ${known.join(', ') || 'none'}).`;
  }
  return undefined;
}

/** Computes and stores the measures of the scope; a result, never a throw. */
export async function runMeasures(
  db: Database,
  uri: string,
  options: MeasuresOptions,
): Promise<MeasuresResult> {
  const parsed = options.asOf === undefined ? undefined : parsePartialDate(options.asOf);
  const result: MeasuresResult = {
    exitCode: 0,
    dataset: options.dataset ?? null,
    asOf: parsed?.ok ? parsed.value : null,
    computedAt: null,
    entities: 0,
    relationships: 0,
    communities: 0,
    brokers: [],
    timings: { readMs: 0, computeMs: 0, writeMs: 0 },
  };
  if (parsed && !parsed.ok) return { ...result, exitCode: 1, error: `--as-of ${parsed.message}.` };
  const scope: MeasureScope = { dataset: result.dataset, asOf: result.asOf };
  const maxWork = options.maxWork ?? MAX_MEASURE_WORK;
  let phase = 'reading';
  try {
    const read = performance.now();
    const problem = await scopeProblem(db, options);
    if (problem) return { ...result, exitCode: 1, error: problem };
    const counts = await countMeasureScope(db, scope);
    Object.assign(result, counts);
    const work = measureWork(counts.entities, counts.relationships);
    if (work > maxWork) {
      return {
        ...result,
        exitCode: 1,
        error: `The graph is too large to measure: ${counts.entities.toLocaleString('en-GB')} entities and ${counts.relationships.toLocaleString('en-GB')} relationships are ${work.toExponential(1)} steps of work, over the bound of ${maxWork.toExponential(1)}. Nothing was written; measure one dataset with --dataset ID.`,
      };
    }
    options.onProgress?.({ phase: 'reading the graph', done: 0, total: 1 });
    const graph = await readMeasureGraph(db, scope);
    options.onProgress?.({ phase: 'reading the graph', done: 1, total: 1 });
    result.timings.readMs = since(read);

    phase = 'computing';
    const compute = performance.now();
    options.onProgress?.({ phase: 'computing the measures', done: 0, total: 1 });
    const measures = computeMeasures(graph);
    options.onProgress?.({ phase: 'computing the measures', done: 1, total: 1 });
    result.timings.computeMs = since(compute);
    result.entities = measures.size;
    result.communities = new Set([...measures.values()].map((m) => m.community)).size;
    result.brokers = rankBy(measures, 'betweenness', 5);

    phase = 'writing';
    const write = performance.now();
    const computedAt = (options.now?.() ?? new Date()).toISOString();
    await writeMeasures(db, scope, measures, computedAt, (done) =>
      options.onProgress?.({ phase: 'writing the measures', done, total: measures.size }),
    );
    result.timings.writeMs = since(write);
    return { ...result, computedAt };
  } catch (error) {
    const message = driverMessage(error).split('\n')[0];
    return isUnreachable(error)
      ? {
          ...result,
          exitCode: 2,
          error: `Neo4j at ${uri} is unreachable (${message}). Nothing was written.`,
        }
      : { ...result, exitCode: 3, error: `${phase} failed: ${message}. Nothing was written.` };
  }
}
