import { toCsvFiles } from '../../../server/src/exchange/csv-write.ts';
import { toFtmLines } from '../../../server/src/exchange/ftm-write.ts';
import { toGexf } from '../../../server/src/exchange/gexf-write.ts';
import type { ExchangeGraph } from '../../../server/src/exchange/graph.ts';
import { toGraphml } from '../../../server/src/exchange/graphml-write.ts';

/**
 * The canvas's records as the files of each exchange format, written by the writers the
 * seeder's `npm run export --format` uses. CSV is the seeder's own CSV dataset: its files, saved
 * into one folder, load with `npm run seed -- FOLDER`.
 */

export type CanvasFormat = 'csv' | 'gexf' | 'graphml' | 'ftm';

export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

export function exportFiles(format: CanvasFormat, graph: ExchangeGraph): ExportFile[] {
  switch (format) {
    case 'csv':
      return toCsvFiles(graph).map((file) => ({ ...file, type: 'text/csv' }));
    case 'gexf':
      return [{ name: 'entente-graph.gexf', text: toGexf(graph), type: 'application/gexf+xml' }];
    case 'graphml':
      return [
        { name: 'entente-graph.graphml', text: toGraphml(graph), type: 'application/graphml+xml' },
      ];
    case 'ftm':
      return [
        { name: 'entente-graph.ftm.json', text: toFtmLines(graph), type: 'application/json' },
      ];
  }
}
