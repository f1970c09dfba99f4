import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraph } from '../../seed/src/export.ts';
import { exchangeGraph, exportFile } from '../../seed/src/export-file.ts';
import { importDatasets } from '../../seed/src/import.ts';
import { firstDay, lastDay } from '../../server/src/domain/partial-date.ts';
import type { ExchangeGraph } from '../../server/src/exchange/graph.ts';
import { evidenceUrls, sourcesById } from '../../server/src/exchange/graph.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { emptyGraph } from '../helpers/ftm-file.ts';

const db = connectTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'entente-export-formats-'));
let curated: ExchangeGraph;

beforeAll(async () => {
  await loadCuratedDatasets(db);
  curated = exchangeGraph(await readGraph(db, {})) as ExchangeGraph;
});
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a round trip must keep of each record: ids, kinds and types, ends, dates, evidence URLs. */
function comparable(graph: ExchangeGraph) {
  const sources = sourcesById(graph);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    entities: [...graph.entities].sort(byId).map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      founded: e.founded ?? null,
      dissolved: e.dissolved ?? null,
      urls: evidenceUrls(e.evidence, sources).sort(),
    })),
    relationships: [...graph.relationships].sort(byId).map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      since: r.since ?? null,
      until: r.until ?? null,
      role: r.role ?? null,
      urls: evidenceUrls(r.evidence, sources).sort(),
    })),
  };
}

describe('npm run export -- --format ftm', () => {
  it('loads back into an empty database as the same entities and relationships', async () => {
    const file = join(dir, 'graph.ftm.json');
    const written = await exportFile(db, 'test', { format: 'ftm', out: file });
    expect(written).toMatchObject({
      exitCode: 0,
      entities: curated.entities.length,
      relationships: curated.relationships.length,
    });
    await emptyGraph(db);
    const loaded = await importDatasets(db, 'test', { paths: [file] });
    expect(loaded.problems).toEqual([]);
    expect(loaded.exitCode).toBe(0);
    expect(loaded.counts.graph?.unmapped).toEqual({});
    const back = exchangeGraph(await readGraph(db, {})) as ExchangeGraph;
    expect(comparable(back)).toEqual(comparable(curated));
    await loadCuratedDatasets(db);
  });

  it('of one dataset holds its records and the entities its relationships end at', async () => {
    const file = join(dir, 'restrictions.ftm.json');
    await exportFile(db, 'test', { format: 'ftm', out: file, dataset: 'cyber-restrictions' });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const ids = new Set(lines.map((line) => line.id));
    expect(ids).toContain('entente:council-of-the-eu');
    for (const line of lines.filter((l) => l.schema === 'Sanction')) {
      expect(ids).toContain(line.properties.authority[0]);
      expect(ids).toContain(line.properties.entity[0]);
    }
  });

  it('when the dataset is unknown / exits 1 naming the datasets held and writes nothing', async () => {
    const file = join(dir, 'none.gexf');
    const result = await exportFile(db, 'test', { format: 'gexf', out: file, dataset: 'nope' });
    expect(result.exitCode).toBe(1);
    expect(result.error).toContain('No dataset "nope"');
    expect(result.error).toContain('kaspersky-eu-2018');
    expect(() => readFileSync(file)).toThrow();
  });
});

describe('npm run export -- --format gexf|graphml', () => {
  it('GEXF parses with graphology-gexf and keeps every node, edge and interval', async () => {
    const file = join(dir, 'graph.gexf');
    await exportFile(db, 'test', { format: 'gexf', out: file });
    const xml = readFileSync(file, 'utf8');
    const graph = parseGexf(Graph, xml);
    expect(graph.order).toBe(curated.entities.length);
    expect(graph.size).toBe(curated.relationships.length);
    for (const rel of curated.relationships) {
      expect(graph.hasEdge(rel.id)).toBe(true);
      expect(graph.getEdgeAttribute(rel.id, 'since')).toBe(rel.since);
      expect(graph.getEdgeAttribute(rel.id, 'until')).toBe(rel.until);
    }
    const spells = [...xml.matchAll(/<edge id="([^"]+)"[\s\S]*?<\/edge>/g)].flatMap(
      ([edge, id]) => {
        const spell = /<spell( start="([^"]+)")?( end="([^"]+)")?\/>/.exec(edge);
        return spell ? [[id, spell[2], spell[4]]] : [];
      },
    );
    const dated = curated.relationships.filter((rel) => rel.since || rel.until);
    expect(spells).toHaveLength(dated.length);
    expect(spells.sort()).toEqual(
      dated
        .map((rel) => [
          rel.id,
          rel.since ? firstDay(rel.since) : undefined,
          rel.until ? lastDay(rel.until) : undefined,
        ])
        .sort(),
    );
  });

  it('GraphML parses with graphology-graphml and keeps every node, edge and date', async () => {
    const file = join(dir, 'restrictions.graphml');
    await exportFile(db, 'test', { format: 'graphml', out: file, dataset: 'cyber-restrictions' });
    const graph = parseGraphml(Graph, readFileSync(file, 'utf8'));
    const chosen = exchangeGraph(await readGraph(db, {}), 'cyber-restrictions') as ExchangeGraph;
    expect(graph.nodes().sort()).toEqual(chosen.entities.map((e) => e.id).sort());
    expect(graph.edges().sort()).toEqual(chosen.relationships.map((r) => r.id).sort());
    for (const rel of chosen.relationships) {
      expect([graph.source(rel.id), graph.target(rel.id)].sort()).toEqual(
        [rel.from, rel.to].sort(),
      );
      expect(graph.getEdgeAttribute(rel.id, 'since')).toBe(rel.since);
    }
  });
});
