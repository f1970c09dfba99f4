import { join } from 'node:path';
import { type ApiEdit, describeEdit, keptRecords, readApiEdits } from '../../seed/src/api-edits.ts';
import { type ImportResult, importDatasets, toContent } from '../../seed/src/import.ts';
import { DATASETS_DIR, DEFAULT_DATASETS, readInputs } from '../../seed/src/inputs.ts';
import { formatProblem } from '../../seed/src/model.ts';
import type { Database } from '../../server/src/db/database.ts';
import { datasetFingerprint } from '../../server/src/db/dataset-rows.ts';
import type { DatasetWriteReport } from '../../server/src/db/seed-repository.ts';
import type { DatasetContent } from '../../server/src/validation/records.ts';

const STORED_FINGERPRINTS = `
MATCH (d:Dataset) WHERE d.id IN $ids
RETURN d.id AS id, d.contentHash AS contentHash`;

/**
 * The curated datasets whose files differ from what the database holds of them: those it
 * holds with another fingerprint, or none (loaded before fingerprints were kept). A curated
 * dataset the database does not hold at all is not its business: it holds other data.
 */
async function changedDatasets(db: Database, dir: string): Promise<DatasetContent[]> {
  const stored = new Map(
    (
      await db.read<{ id: string; contentHash: string | null }>(STORED_FINGERPRINTS, {
        ids: DEFAULT_DATASETS,
      })
    ).map((row) => [row.id, row.contentHash]),
  );
  return (await readInputs(DEFAULT_DATASETS.map((id) => join(dir, id))))
    .filter((read) => stored.has(read.dataset.record.id))
    .map(toContent)
    .filter((content) => stored.get(content.dataset.id) !== datasetFingerprint(content));
}

/** What the start says of the API edits a dataset keeps, and how to take them to its files. */
function describeKept(dataset: string, edits: readonly ApiEdit[]): string {
  return [
    `  ${dataset}: kept ${edits.length} record(s) curators changed through the API since its files were last loaded, which the files state otherwise:`,
    ...edits.map((edit) => `    ${describeEdit(edit)}`),
    `    To write them into the dataset's files, as a change to review and commit: npm run export -- --dataset ${dataset} --changes`,
  ].join('\n');
}

const counted = (
  [one, many]: [string, string],
  counts: { created: number; updated: number; removed?: number },
) => {
  const n = (count: number, what: string) => `${count} ${count === 1 ? one : many} ${what}`;
  return [
    counts.created > 0 ? n(counts.created, 'added') : '',
    counts.updated > 0 ? n(counts.updated, 'changed') : '',
    counts.removed ? n(counts.removed, 'removed') : '',
  ].filter(Boolean);
};

function describe(report: DatasetWriteReport): string {
  const parts = [
    ...counted(['entity', 'entities'], report.entities),
    ...counted(['relationship', 'relationships'], report.relationships),
    ...counted(['source', 'sources'], report.sources),
    ...counted(['phase', 'phases'], report.phases),
    ...(report.stories ? counted(['story', 'stories'], report.stories) : []),
  ];
  return `  ${report.dataset}: ${parts.join(', ') || 'no record changed'}`;
}

/** The problems that stopped a load, as `file:line:col: message` lines. */
function problems(result: ImportResult): string {
  return `${result.problems.slice(0, 20).map(formatProblem).join('\n')}${result.error ?? ''}`;
}

/**
 * Keeps the curated datasets current: loads them all into an empty database, and in a
 * database that holds them loads again those whose files changed since (a `git pull`, an edit
 * of the YAML), so what the explorer shows is what the files say — save the records curators
 * changed through the API since the files were last loaded, which are kept and named. Loading
 * is all-or-nothing, and records the files did not change are not touched. Files with problems stop the start of
 * an empty database; a database that holds the datasets keeps them as they were, and the
 * problems are logged for the curator to mend.
 */
export async function seedDefaults(
  db: Database,
  uri: string,
  log: (line: string) => void,
  dir = DATASETS_DIR,
): Promise<void> {
  const [row] = await db.read<{ count: number }>('MATCH (n) RETURN count(n) AS count');
  const empty = (row?.count ?? 0) === 0;
  const changed = empty ? [] : await changedDatasets(db, dir);
  const ids = empty ? DEFAULT_DATASETS : changed.map((content) => content.dataset.id);
  if (ids.length === 0) return;
  // A change of the files does not overwrite what curators changed since through the API.
  const kept = new Map<string, ApiEdit[]>();
  const records = new Set<string>();
  for (const content of changed) {
    const edits = await readApiEdits(db, content);
    if (edits.length === 0) continue;
    kept.set(content.dataset.id, edits);
    for (const key of keptRecords(content, edits)) records.add(key);
  }
  log(
    empty
      ? 'The database is empty: loading the curated datasets ...'
      : `Curated datasets changed since they were loaded: ${ids.join(', ')}. Loading again ...`,
  );
  const result = await importDatasets(db, uri, {
    paths: ids.map((id) => join(dir, id)),
    keep: kept.size > 0 ? { datasets: [...kept.keys()], records } : undefined,
  });
  if (result.exitCode === 1 && !empty) {
    log(
      `  Not loaded: the files have problems, and the database keeps the datasets as they were.\n${problems(result)}`,
    );
    return;
  }
  if (result.exitCode !== 0)
    throw new Error(`Seeding the curated datasets failed.\n${problems(result)}`);
  for (const report of result.reports) {
    log(describe(report));
    const edits = kept.get(report.dataset);
    if (edits) log(describeKept(report.dataset, edits));
  }
}
