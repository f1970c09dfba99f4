// `npm run export -- --format gexf|graphml|ftm --out FILE`'s core: the stored graph, or one
// dataset of it, as one file of an exchange format (the writers in server/src/exchange, which
// the explorer uses for its canvas too). Written beside FILE and renamed into place.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database } from '../../server/src/db/database.ts';
import { toFtmLines } from '../../server/src/exchange/ftm-write.ts';
import { toGexf } from '../../server/src/exchange/gexf-write.ts';
import type { ExchangeGraph } from '../../server/src/exchange/graph.ts';
import { toGraphml } from '../../server/src/exchange/graphml-write.ts';
import type { EntityRecord } from '../../server/src/validation/records.ts';
import { type ExportProgress, readFailure, readGraph } from './export.ts';
import { layOut, type StoredGraph } from './export-layout.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const WRITERS: Record<ExportFormat, (graph: ExchangeGraph, title: string) => string> = {
  gexf: toGexf,
  graphml: toGraphml,
  ftm: toFtmLines,
};

export interface FileExportOptions {
  format: ExportFormat;
  /** The file to write; replaced once the new one is whole. */
  out: string;
  /** Export this dataset only; default: the whole graph. */
  dataset?: string;
  page?: number;
  onProgress?: (progress: ExportProgress) => void;
}

export interface FileExportResult {
  /** 0 written, 1 refused (nothing written), 2 Neo4j unreachable, 3 reading failed. */
  exitCode: 0 | 1 | 2 | 3;
  entities: number;
  relationships: number;
  error?: string;
}

const record = ({
  datasets: _d,
  degree: _g,
  version: _v,
  ...entity
}: StoredGraph['entities'][number]): EntityRecord => entity;

/**
 * The records to write: every one, or a dataset's with the entities its relationships end at
 * (those of the datasets it requires, so that each edge has its nodes) and the sources that
 * the evidence cites. Undefined for a dataset the graph does not hold.
 */
export function exchangeGraph(graph: StoredGraph, dataset?: string): ExchangeGraph | undefined {
  if (!dataset) {
    return {
      entities: graph.entities.map(record),
      relationships: graph.relationships,
      sources: graph.sources,
    };
  }
  const chosen = layOut(graph).find((laid) => laid.dataset.id === dataset);
  if (!chosen) return undefined;
  const ends = new Set(chosen.relationships.flatMap((rel) => [rel.from, rel.to]));
  const own = new Set(chosen.entities.map((entity) => entity.id));
  const entities = [
    ...chosen.entities,
    ...graph.entities.filter((entity) => ends.has(entity.id) && !own.has(entity.id)).map(record),
  ].sort((a, b) => a.id.localeCompare(b.id));
  const cited = new Set(
    [...entities, ...chosen.relationships, ...chosen.relationships.flatMap((rel) => rel.history)]
      .flatMap((item) => item.evidence)
      .map((evidence) => evidence.source),
  );
  return {
    entities,
    relationships: chosen.relationships,
    sources: graph.sources.filter((source) => cited.has(source.id)),
  };
}

/** Why `out` may not be written, if it may not. */
function outProblem(out: string): string | undefined {
  if (existsSync(out) && statSync(out).isDirectory()) return `${out} is a folder; name a file`;
  if (!existsSync(dirname(out))) return `${dirname(out)}: no such folder`;
  return undefined;
}

export async function exportFile(
  db: Database,
  uri: string,
  options: FileExportOptions,
): Promise<FileExportResult> {
  const nothing = { entities: 0, relationships: 0 };
  const refused = outProblem(options.out);
  if (refused) return { exitCode: 1, ...nothing, error: refused };
  let graph: StoredGraph;
  try {
    graph = await readGraph(db, options);
  } catch (error) {
    return { ...readFailure(error, uri), ...nothing };
  }
  const chosen = exchangeGraph(graph, options.dataset);
  if (!chosen) {
    const held = graph.datasets.map((d) => d.id).join(', ') || 'none';
    return {
      exitCode: 1,
      ...nothing,
      error: `No dataset "${options.dataset}" in the database; it holds: ${held}. Nothing was written.`,
    };
  }
  const text = WRITERS[options.format](chosen, options.dataset ?? 'Entente graph');
  const written = join(dirname(options.out), `.${basename(options.out)}.export-${process.pid}`);
  try {
    writeFileSync(written, text);
    renameSync(written, options.out);
  } catch (error) {
    rmSync(written, { force: true });
    throw error;
  }
  return {
    exitCode: 0,
    entities: chosen.entities.length,
    relationships: chosen.relationships.length,
  };
}
