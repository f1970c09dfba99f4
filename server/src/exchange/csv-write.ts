import type { EvidenceRecord } from '../validation/records.ts';
import { cellText, TABLE_FILES, TABLES, type Table } from './csv-columns.ts';
import type { ExchangeGraph } from './graph.ts';

/**
 * A graph as the CSV dataset the seeder reads (csv-columns.ts): entities.csv, relationships.csv,
 * sources.csv and, when there are phases, phases.csv. A relationship or phase with several pieces
 * of evidence takes one row per piece, which the reader adds up again; one without evidence, one
 * row with the source left empty.
 */

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) || value !== value.trim()
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** The rows of one table: each record's fields, one row per piece of its evidence. */
function rows(table: Table, records: readonly Record<string, unknown>[]): string {
  const spec = TABLES[table];
  const fieldNames = spec.fields.map((field) => field.name);
  const lines = [spec.columns.join(',')];
  for (const record of records) {
    const cells = fieldNames.map((name) => cellText(name, record[name]) ?? '');
    const evidence = (record.evidence ?? []) as EvidenceRecord[];
    const pieces: (EvidenceRecord | undefined)[] =
      spec.evidence && evidence.length > 0 ? evidence : [undefined];
    for (const piece of pieces) {
      const row = spec.evidence ? [...cells, piece?.source ?? '', piece?.quote ?? ''] : cells;
      lines.push(row.map(csvCell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The relationship's status history as rows of phases.csv, with the phases added elsewhere. */
function phaseRecords(graph: ExchangeGraph): Record<string, unknown>[] {
  const own = graph.relationships.flatMap((relationship) =>
    relationship.history.map((phase) => ({ relationship: relationship.id, ...phase })),
  );
  return [...own, ...(graph.phases ?? [])];
}

/** Each file's name and its text; phases.csv only when a relationship has phases. */
export function toCsvFiles(graph: ExchangeGraph): { name: string; text: string }[] {
  const phases = phaseRecords(graph);
  const files: [Table, readonly Record<string, unknown>[]][] = [
    ['entities', graph.entities],
    ['relationships', graph.relationships],
    ['sources', graph.sources],
    ...(phases.length > 0 ? [['phases', phases] as [Table, Record<string, unknown>[]]] : []),
  ];
  return files.map(([table, records]) => ({
    name: TABLE_FILES[table],
    text: rows(table, records),
  }));
}
