import { importDatasets } from '../../seed/src/import.ts';
import { formatProblem } from '../../seed/src/model.ts';
import type { Database } from '../../server/src/db/database.ts';

/** Loads the default curated datasets into an empty database; a non-empty one is left alone. */
export async function seedDefaultsIfEmpty(
  db: Database,
  uri: string,
  log: (line: string) => void,
): Promise<void> {
  const [row] = await db.read<{ count: number }>('MATCH (n) RETURN count(n) AS count');
  if ((row?.count ?? 0) > 0) return;
  log('The database is empty: loading the curated datasets ...');
  const result = await importDatasets(db, uri, { paths: [] });
  if (result.exitCode !== 0) {
    const details = result.problems.slice(0, 20).map(formatProblem).join('\n');
    throw new Error(`Seeding the curated datasets failed.\n${details}${result.error ?? ''}`);
  }
  for (const report of result.reports) {
    log(
      `  ${report.dataset}: ${report.entities.created} entities, ` +
        `${report.relationships.created} relationships, ${report.sources.created} sources`,
    );
  }
}
