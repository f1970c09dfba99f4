import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraph } from '../../seed/src/export.ts';
import { exchangeGraph } from '../../seed/src/export-file.ts';
import { importDatasets } from '../../seed/src/import.ts';
import type { ExchangeGraph } from '../../server/src/exchange/graph.ts';
import { EXPORT_RECORDS } from '../../web/src/api/documents.ts';
import type { ExportRecords } from '../../web/src/api/types.ts';
import { exportFiles } from '../../web/src/state/export-files.ts';
import { exportGraph } from '../../web/src/state/export-records.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { emptyGraph } from '../helpers/ftm-file.ts';
import { createClient, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const query = createClient(db);
const dir = mkdtempSync(join(tmpdir(), 'entente-export-canvas-'));

beforeAll(() => loadCuratedDatasets(db));
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A record as a CSV dataset states it: an entity without evidence, phases credited to none. */
function comparable(graph: ExchangeGraph, ids: ReadonlySet<string>, edges: ReadonlySet<string>) {
  return {
    entities: graph.entities
      .filter((entity) => ids.has(entity.id))
      .map(({ evidence: _e, ...entity }) => entity),
    relationships: graph.relationships
      .filter((rel) => edges.has(rel.id))
      .map(({ dataset: _d, version: _v, asOf: _a, ...rel }: Record<string, unknown>) => ({
        ...rel,
        history: (rel.history as Record<string, unknown>[]).map(
          ({ dataset: _p, ...phase }) => phase,
        ),
      })),
  };
}

describe("the explorer's CSV export", () => {
  it('loads back through the importer as the records on the canvas were', async () => {
    const stored = exchangeGraph(await readGraph(db, {}), 'kaspersky-eu-2018') as ExchangeGraph;
    const ids = stored.entities.map((entity) => entity.id);
    const data = await ok<{ subgraph: ExportRecords }>(query(print(EXPORT_RECORDS), { ids }));
    const edges = data.subgraph.edges.map((edge) => edge.id);
    expect(edges.length).toBeGreaterThan(20);
    const folder = join(dir, 'canvas');
    mkdirSync(folder);
    const files = exportFiles('csv', exportGraph(data.subgraph, edges));
    expect(files.map((file) => file.name)).toEqual([
      'entities.csv',
      'relationships.csv',
      'sources.csv',
      'phases.csv',
    ]);
    for (const file of files) writeFileSync(join(folder, file.name), file.text);
    const expected = comparable(
      exchangeGraph(await readGraph(db, {})) as ExchangeGraph,
      new Set(ids),
      new Set(edges),
    );

    await emptyGraph(db);
    const loaded = await importDatasets(db, 'test', { paths: [folder] });
    expect(loaded.problems).toEqual([]);
    expect(loaded.exitCode).toBe(0);
    const back = exchangeGraph(await readGraph(db, {})) as ExchangeGraph;
    expect(comparable(back, new Set(ids), new Set(edges))).toEqual(expected);
    const urls = (graph: ExchangeGraph) => graph.sources.map((s) => [s.id, s.url]);
    expect(urls(back)).toEqual(urls(exportGraph(data.subgraph, edges)));
  });
});
