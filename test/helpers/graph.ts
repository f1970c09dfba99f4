import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../server/src/db/database.ts';

/** Properties with their keys in order: Neo4j may list them in another order after a rewrite. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Everything in the graph as one comparable string: labels, properties, ends. `without`: nodes
 * with these labels are left out (a dataset's bookkeeping, revisions, when only records are
 * compared); `instants`: false leaves out `loadedAt`, the instant a dataset was loaded, which
 * no two loads share.
 */
export async function snapshot(
  db: Database,
  without: string | string[] = [],
  { instants = true }: { instants?: boolean } = {},
): Promise<string> {
  const nodes = await db.read<{ n: string }>(
    'MATCH (n) WHERE none(label IN labels(n) WHERE label IN $without) WITH n ORDER BY n.id RETURN collect([labels(n), properties(n)]) AS n',
    { without: [without].flat() },
  );
  const rels = await db.read<{ r: string }>(
    'MATCH (a)-[r]->(b) WITH a, r, b ORDER BY r.id, a.id, b.id RETURN collect([a.id, type(r), b.id, properties(r)]) AS r',
  );
  // Nodes without an id (a story's steps) sort by their content, so that the order is the same.
  const ordered = (nodes[0]?.n ?? []) as unknown as unknown[];
  const keyed = ordered.map((node) => [JSON.stringify(node, sortedKeys), node] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const graph = JSON.stringify([[{ n: keyed.map(([, node]) => node) }], rels], sortedKeys);
  return instants
    ? graph
    : JSON.stringify(JSON.parse(graph), (key, value) => (key === 'loadedAt' ? undefined : value));
}

export async function countGraph(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodes: number; relationships: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row ?? { nodes: 0, relationships: 0 };
}

/** Writes a dataset folder of YAML files into a fresh temporary directory. */
export function writeDatasetDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-dataset-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * A YAML dataset `firms` of three companies (firm-a, firm-b, firm-c) and one source; `rels` are
 * its relationship lines ("from: firm-a, type: OWNS, to: firm-b"), each given that source.
 */
export function firmsDataset(rels: string[]): string {
  return [
    'dataset: { id: firms, title: Firms }',
    'sources:',
    '  - { id: firms-src, title: Source, url: "https://example.org/firms" }',
    'entities:',
    '  - { id: firm-a, kind: Company, name: Firm A }',
    '  - { id: firm-b, kind: Company, name: Firm B }',
    '  - { id: firm-c, kind: Company, name: Firm C }',
    'relationships:',
    ...rels.map((rel) => `  - { ${rel}, evidence: [{ source: firms-src }] }`),
    '',
  ].join('\n');
}
