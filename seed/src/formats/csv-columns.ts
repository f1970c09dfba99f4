import { fromCells, type Table } from '../../../server/src/exchange/csv-columns.ts';
import { type Row, rowInput } from './csv-table.ts';

/** The row's cells as the record the zod schemas expect (the columns: exchange/csv-columns.ts). */
export function toInput(table: Table, row: Row): Record<string, unknown> {
  return fromCells(table, rowInput(row, table === 'relationships' || table === 'phases'));
}
