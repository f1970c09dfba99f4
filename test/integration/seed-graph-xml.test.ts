import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraph } from '../../seed/src/export.ts';
import { exchangeGraph, exportFile } from '../../seed/src/export-file.ts';
import { importDatasets } from '../../seed/src/import.ts';
import type { ExchangeGraph } from '../../server/src/exchange/graph.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { emptyGraph } from '../helpers/ftm-file.ts';
import { snapshot } from '../helpers/graph.ts';

const db = connectTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'entente-seed-graph-xml-'));

beforeAll(() => loadCuratedDatasets(db));
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ends = (graph: ExchangeGraph) =>
  graph.relationships.map((r) => [r.id, r.from, r.type, r.to, r.since, r.until]).sort();

describe('npm run seed -- FILE.gexf|FILE.graphml', () => {
  it('when an edge does not fit its type / names the file and line and writes nothing', async () => {
    const before = await snapshot(db);
    const path = join(dir, 'unfit.gexf');
    writeFileSync(
      path,
      `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="kind" title="kind" type="string"/></attributes>
<attributes class="edge"><attribute id="type" title="type" type="string"/></attributes>
<nodes>
  <node id="ruritania" label="Ruritania"><attvalues><attvalue for="kind" value="Country"/></attvalues></node>
  <node id="acme" label="Acme"/>
</nodes>
<edges>
  <edge id="ruritania-works-for-acme" source="ruritania" target="acme"><attvalues><attvalue for="type" value="WORKS_FOR"/></attvalues></edge>
</edges>
</graph></gexf>`,
    );
    const result = await importDatasets(db, 'test', { paths: [path] });
    expect(result.exitCode).toBe(1);
    expect(result.problems[0]).toMatchObject({ file: path, line: 9 });
    expect(result.problems[0]?.message).toContain('WORKS_FOR');
    expect(await snapshot(db)).toBe(before);
  });

  it.each(['gexf', 'graphml'] as const)(
    'loads a %s export into an empty database as the same relationships between the same entities',
    async (format) => {
      const stored = exchangeGraph(await readGraph(db, {})) as ExchangeGraph;
      const path = join(dir, `graph.${format}`);
      expect((await exportFile(db, 'test', { format, out: path })).exitCode).toBe(0);
      await emptyGraph(db);
      const result = await importDatasets(db, 'test', { paths: [path] });
      expect(result.problems).toEqual([]);
      expect(result.exitCode).toBe(0);
      const back = exchangeGraph(await readGraph(db, {})) as ExchangeGraph;
      const kinds = (graph: ExchangeGraph) => graph.entities.map((e) => [e.id, e.kind, e.name]);
      expect(kinds(back)).toEqual(kinds(stored));
      expect(ends(back)).toEqual(ends(stored));
      await loadCuratedDatasets(db);
    },
  );
});
