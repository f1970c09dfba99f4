import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { PROJECT_ROOT } from '../../server/src/project-root.ts';
import { readCsv } from './formats/csv.ts';
import { readFtm } from './formats/ftm.ts';
import type { FtmPass } from './formats/ftm-lines.ts';
import { readGraphXml } from './formats/graph-xml.ts';
import { readYamlDataset } from './formats/yaml.ts';
import type { Format, NameLinker, ReadDataset } from './model.ts';

/** The curated datasets `npm start` and `npm run seed` load when given no path. */
export const DATASETS_DIR = join(PROJECT_ROOT, 'seed', 'datasets');
export const DEFAULT_DATASETS = ['kaspersky-eu-2018', 'cyber-cooperation', 'cyber-restrictions'];

export class InputError extends Error {}

/** Guesses the format of a path: a YAML file or folder, FtM lines, a CSV folder, a GEXF or GraphML file. */
export function guessFormat(path: string): Format {
  if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
  if (statSync(path).isDirectory()) {
    const names = readdirSync(path);
    if (names.includes('entities.csv')) return 'csv';
    if (names.some((name) => /\.ya?ml$/.test(name))) return 'yaml';
    throw new InputError(
      `${path}: no YAML files or entities.csv in this folder (for FollowTheMoney, name the file itself)`,
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') return 'ftm';
  if (ext === '.csv') return 'csv';
  if (ext === '.gexf') return 'gexf';
  if (ext === '.graphml') return 'graphml';
  throw new InputError(
    `${path}: cannot tell the format from "${ext}"; pass --format yaml|ftm|csv|gexf|graphml`,
  );
}

/**
 * The dataset folders of a folder that holds no dataset files of its own but folders of YAML
 * datasets (what `npm run export` writes), in name order; undefined for any other path.
 */
export function datasetFolders(path: string): string[] | undefined {
  if (!existsSync(path) || !statSync(path).isDirectory()) return undefined;
  const names = readdirSync(path).sort();
  if (names.some((name) => /\.ya?ml$/.test(name) || name === 'entities.csv')) return undefined;
  const folders = names
    .map((name) => join(path, name))
    .filter((sub) => statSync(sub).isDirectory() && guessable(sub));
  return folders.length > 0 ? folders : undefined;
}

function guessable(folder: string): boolean {
  return readdirSync(folder).some((name) => /\.ya?ml$/.test(name));
}

/**
 * Bytes read of one input, while each pass over it runs (FtM lines; the other formats are read
 * at once).
 */
export type InputProgress = (progress: {
  path: string;
  pass: FtmPass;
  done: number;
  total: number;
}) => void | Promise<void>;

export async function readInput(
  path: string,
  format?: Format,
  datasetId?: string,
  onProgress?: InputProgress,
  names?: NameLinker,
): Promise<ReadDataset> {
  const chosen = format ?? guessFormat(path);
  if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
  switch (chosen) {
    case 'yaml':
      return readYamlDataset(path);
    case 'ftm':
      return readFtm(path, {
        datasetId,
        onProgress: onProgress && ((report) => onProgress({ path, ...report })),
        names,
      });
    case 'csv':
      return readCsv(statSync(path).isDirectory() ? path : dirname(path), { datasetId });
    case 'gexf':
    case 'graphml':
      return readGraphXml(path, { datasetId });
  }
}

/**
 * Reads every path, then any curated dataset a loaded one `requires` that was not named,
 * from the datasets folder. FtM files are read last (and listed in their place), so that
 * `names`, given every other dataset of the run, can link the names they give as text to
 * those datasets' entities.
 */
export async function readInputs(
  paths: readonly string[],
  format?: Format,
  datasetId?: string,
  onProgress?: InputProgress,
  names?: (others: readonly ReadDataset[]) => NameLinker,
): Promise<ReadDataset[]> {
  const targets = (
    paths.length > 0
      ? paths.flatMap((path) => datasetFolders(path) ?? [path])
      : DEFAULT_DATASETS.map((id) => join(DATASETS_DIR, id))
  ).map((path) => ({ path, format: paths.length > 0 ? format : ('yaml' as const) }));
  const isFtm = (target: (typeof targets)[number]) =>
    (target.format ?? guessFormat(target.path)) === 'ftm';
  const slots: (ReadDataset | undefined)[] = [];
  for (const [i, target] of targets.entries()) {
    if (!isFtm(target))
      slots[i] = await readInput(target.path, target.format, datasetId, onProgress);
  }
  // An FtM dataset requires nothing, so the required ones are found among the others alone.
  const read = slots.filter((dataset): dataset is ReadDataset => dataset !== undefined);
  const loaded = new Set(read.map((dataset) => dataset.dataset.record.id));
  const required: ReadDataset[] = [];
  for (const dataset of read) {
    for (const id of dataset.dataset.record.requires) {
      const path = join(DATASETS_DIR, id);
      if (loaded.has(id) || !existsSync(path)) continue;
      required.unshift(readYamlDataset(path));
      loaded.add(id);
    }
  }
  for (const [i, target] of targets.entries()) {
    if (!isFtm(target)) continue;
    const others = [...required, ...slots.filter((dataset) => dataset !== undefined)];
    slots[i] = await readInput(target.path, target.format, datasetId, onProgress, names?.(others));
  }
  return [...required, ...(slots as ReadDataset[])];
}
