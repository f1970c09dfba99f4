import {
  CELL_FORMATS,
  listCell,
  TABLES,
  type Table,
} from '../../../server/src/exchange/csv-columns.ts';
import { type Row, rowInput } from './csv-table.ts';

/** The row's cells as the record the zod schemas expect (the columns: exchange/csv-columns.ts). */
export function toInput(table: Table, row: Row): Record<string, unknown> {
  const input = rowInput(row, table === 'relationships' || table === 'phases');
  for (const field of TABLES[table].fields) {
    const cell = input[field.name];
    if (typeof cell !== 'string') continue;
    if (field.kind === 'texts') input[field.name] = listCell(cell);
    const format = CELL_FORMATS[field.name];
    if (format) input[field.name] = format.read(cell);
  }
  return input;
}
