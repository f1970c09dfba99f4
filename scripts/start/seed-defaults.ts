import { join } from 'node:path';
import { importDatasets, toContent } from '../../seed/src/import.ts';
import { DATASETS_DIR, DEFAULT_DATASETS, readInputs } from '../../seed/src/inputs.ts';
import { formatProblem } from '../../seed/src/model.ts';
import type { Database } from '../../server/src/db/database.ts';
import { datasetFingerprint } from '../../server/src/db/dataset-rows.ts';
import type { DatasetWriteReport } from '../../server/src/db/seed-repository.ts';

const STORED_FINGERPRINTS = `
MATCH (d:Dataset) WHERE d.id IN $ids
RETURN d.id AS id, d.contentHash AS contentHash`;

/**
 * The curated datasets whose files differ from what the database holds of them: those it
 * holds with another fingerprint, or none (loaded before fingerprints were kept). A curated
 * dataset the database does not hold at all is not its business: it holds other data.
 */
async function changedDatasets(db: Database): Promise<string[]> {
  const stored = new Map(
    (
      await db.read<{ id: string; contentHash: string | null }>(STORED_FINGERPRINTS, {
        ids: DEFAULT_DATASETS,
      })
    ).map((row) => [row.id, row.contentHash]),
  );
  return readInputs([])
    .filter((read) => stored.has(read.dataset.record.id))
    .filter((read) => stored.get(read.dataset.record.id) !== datasetFingerprint(toContent(read)))
    .map((read) => read.dataset.record.id);
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
  ];
  return `  ${report.dataset}: ${parts.join(', ') || 'no record changed'}`;
}

async function load(db: Database, uri: string, paths: string[], log: (line: string) => void) {
  const result = await importDatasets(db, uri, { paths });
  if (result.exitCode !== 0) {
    const details = result.problems.slice(0, 20).map(formatProblem).join('\n');
    throw new Error(`Seeding the curated datasets failed.\n${details}${result.error ?? ''}`);
  }
  for (const report of result.reports) log(describe(report));
}

/**
 * Keeps the curated datasets current: loads them all into an empty database, and in a
 * database that holds them loads again those whose files changed since (a `git pull`, an edit
 * of the YAML), so what the explorer shows is what the files say. Loading is all-or-nothing,
 * and records the files did not change are not touched.
 */
export async function seedDefaults(
  db: Database,
  uri: string,
  log: (line: string) => void,
): Promise<void> {
  const [row] = await db.read<{ count: number }>('MATCH (n) RETURN count(n) AS count');
  if ((row?.count ?? 0) === 0) {
    log('The database is empty: loading the curated datasets ...');
    return load(db, uri, [], log);
  }
  const changed = await changedDatasets(db);
  if (changed.length === 0) return;
  log(`Curated datasets changed since they were loaded: ${changed.join(', ')}. Loading again ...`);
  return load(
    db,
    uri,
    changed.map((id) => join(DATASETS_DIR, id)),
    log,
  );
}
