// `npm run export`'s core: reads the whole stored graph a page at a time, lays it out as YAML
// datasets (export-layout.ts), checks that the seeder would load what it wrote, and only then
// puts the folder in place. Progress goes through a callback; nothing here knows the terminal.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from '../../server/src/db/database.ts';
import { listDatasets } from '../../server/src/db/dataset-repository.ts';
import {
  readEntityPages,
  readRelationshipPages,
  readSourcePages,
} from '../../server/src/db/export-repository.ts';
import { readAllStories } from '../../server/src/db/seed-stories.ts';
import { readStats } from '../../server/src/db/stats-repository.ts';
import {
  type ExportedDataset,
  folderNames,
  layOut,
  oneDataset,
  type StoredGraph,
  toYaml,
} from './export-layout.ts';
import { STORIES_FILE, storiesToYaml } from './export-stories.ts';
import { driverMessage, isUnreachable } from './import.ts';
import { DATASETS_DIR, readInputs } from './inputs.ts';
import type { Problem } from './model.ts';
import { validateDatasets } from './validate.ts';

/** The file each dataset folder of an export holds. */
export const EXPORT_FILE = 'dataset.yaml';

export interface ExportProgress {
  phase: 'entities' | 'sources' | 'relationships';
  done: number;
  total: number;
}

export interface ExportOptions {
  /** The folder to write: absent, empty, or an earlier export (which is replaced whole). */
  out: string;
  /** Export this dataset only (see oneDataset); default: every dataset. */
  dataset?: string;
  /** Records per read; default EXPORT_PAGE. */
  page?: number;
  /** Called after each page read. */
  onProgress?: (progress: ExportProgress) => void;
}

/** What one dataset folder of the export holds. */
export interface ExportedCounts {
  dataset: string;
  folder: string;
  entities: number;
  sources: number;
  relationships: number;
  phases: number;
  stories: number;
}

export interface ExportResult {
  /** 0 written, 1 refused (nothing written), 2 Neo4j unreachable, 3 reading failed. */
  exitCode: 0 | 1 | 2 | 3;
  datasets: ExportedCounts[];
  /** Problems the seeder would find in the export (then nothing was written). */
  problems: Problem[];
  error?: string;
}

const EXPORT_FOLDER = /^\d+-[a-z0-9]+(-[a-z0-9]+)*$/;

/** A folder `npm run export` wrote: dataset folders, each holding its dataset file and stories. */
function isEarlierExport(path: string): boolean {
  return readdirSync(path).every((name) => {
    const folder = join(path, name);
    if (!EXPORT_FOLDER.test(name) || !statSync(folder).isDirectory()) return false;
    const files = readdirSync(folder).sort().join('/');
    return files === EXPORT_FILE || files === `${EXPORT_FILE}/${STORIES_FILE}`;
  });
}

/** Why `out` may not be written, if it may not. */
export function outProblem(out: string): string | undefined {
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return `${out} exists and is not a folder`;
  if (readdirSync(out).length === 0 || isEarlierExport(out)) return undefined;
  return `${out} holds files that are not an export; name an empty or new folder`;
}

/** The whole stored graph, a page at a time, progress reported after each page. */
export async function readGraph(
  db: Database,
  options: Pick<ExportOptions, 'page' | 'onProgress'>,
): Promise<StoredGraph> {
  const datasets = await listDatasets(db);
  const totals = await readStats(db);
  const collect = async <T>(
    phase: ExportProgress['phase'],
    pages: AsyncGenerator<T[]>,
  ): Promise<T[]> => {
    const all: T[] = [];
    for await (const page of pages) {
      all.push(...page);
      options.onProgress?.({ phase, done: all.length, total: totals[phase] });
    }
    return all;
  };
  return {
    datasets,
    entities: await collect('entities', readEntityPages(db, options.page)),
    sources: await collect('sources', readSourcePages(db, options.page)),
    relationships: await collect('relationships', readRelationshipPages(db, options.page)),
    stories: await readAllStories(db),
  };
}

/** Why reading the graph failed, as an exit code (2 unreachable, 3 otherwise) and a message. */
export function readFailure(error: unknown, uri: string): { exitCode: 2 | 3; error: string } {
  const message = driverMessage(error).split('\n')[0];
  return isUnreachable(error)
    ? { exitCode: 2, error: `Neo4j at ${uri} is unreachable (${message}). Nothing was written.` }
    : { exitCode: 3, error: `Reading the graph failed: ${message}. Nothing was written.` };
}

function counts(dataset: ExportedDataset, folder: string): ExportedCounts {
  return {
    dataset: dataset.dataset.id,
    folder,
    entities: dataset.entities.length,
    sources: dataset.sources.length,
    relationships: dataset.relationships.length,
    phases: dataset.phases.length,
    stories: dataset.stories?.length ?? 0,
  };
}

/** Puts the written folder where `out` is, replacing an earlier export only once it is whole. */
function moveInto(written: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(written, out);
    return;
  }
  const old = `${written}.old`;
  renameSync(out, old);
  renameSync(written, out);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Exports every dataset, entity, source, relationship and story of the database as YAML datasets in
 * `out`, which `npm run seed -- out` loads back. Written to a folder beside `out` and renamed
 * into place, so `out` is never half written.
 */
export async function exportGraph(
  db: Database,
  uri: string,
  options: ExportOptions,
): Promise<ExportResult> {
  const refused = outProblem(options.out);
  if (refused) return { exitCode: 1, datasets: [], problems: [], error: refused };
  let graph: StoredGraph;
  try {
    graph = await readGraph(db, options);
  } catch (error) {
    return { ...readFailure(error, uri), datasets: [], problems: [] };
  }
  const all = layOut(graph);
  const chosen = options.dataset ? oneDataset(all, options.dataset, graph.entities) : undefined;
  if (options.dataset && !chosen) {
    const held = graph.datasets.map((d) => d.id).join(', ') || 'none';
    return {
      exitCode: 1,
      datasets: [],
      problems: [],
      error: `No dataset "${options.dataset}" in the database; it holds: ${held}. Nothing was written.`,
    };
  }
  const datasets = chosen ? [chosen] : all;
  const folders = folderNames(datasets);
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  const written = mkdtempSync(join(dirname(out), `.${basename(out)}.export-`));
  // A dataset exported alone is checked with the datasets it requires: from seed/datasets for
  // the curated ones (as the seeder reads them), as the database holds them for any other.
  const context = chosen ? mkdtempSync(join(dirname(out), `.${basename(out)}.requires-`)) : '';
  try {
    datasets.forEach((dataset, i) => {
      const folder = join(written, folders[i] as string);
      mkdirSync(folder);
      writeFileSync(join(folder, EXPORT_FILE), toYaml(dataset));
      const stories = storiesToYaml(dataset);
      if (stories) writeFileSync(join(folder, STORIES_FILE), stories);
    });
    const others = chosen
      ? all.filter(
          (d) =>
            chosen.dataset.requires.includes(d.dataset.id) &&
            !existsSync(join(DATASETS_DIR, d.dataset.id)),
        )
      : [];
    const required = others.map((dataset, i) => {
      const folder = join(context, folderNames(others)[i] as string);
      mkdirSync(folder);
      writeFileSync(join(folder, EXPORT_FILE), toYaml(dataset));
      return folder;
    });
    // What the seeder would refuse is not an export: check before it replaces anything.
    const read = datasets.length > 0 ? await readInputs([...required, written]) : [];
    const problems = validateDatasets(read)
      .filter((problem) => !context || !problem.file.startsWith(context))
      .map((problem) => ({ ...problem, file: problem.file.replace(written, options.out) }));
    if (problems.length > 0) {
      rmSync(written, { recursive: true, force: true });
      return {
        exitCode: 1,
        datasets: [],
        problems,
        error: `${problems.length} problem(s): the seeder would not load this export, so nothing was written.`,
      };
    }
    moveInto(written, out);
  } catch (error) {
    rmSync(written, { recursive: true, force: true });
    throw error;
  } finally {
    if (context) rmSync(context, { recursive: true, force: true });
  }
  return {
    exitCode: 0,
    datasets: datasets.map((dataset, i) => counts(dataset, folders[i] as string)),
    problems: [],
  };
}
