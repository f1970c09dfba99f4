import type { z } from 'zod';
import { type RecordField, recordFields } from '../../../server/src/validation/record-fields.ts';
import {
  entitySchema,
  phaseAdditionSchema,
  relationshipSchema,
  sourceSchema,
} from '../../../server/src/validation/record-schemas.ts';
import { type Row, rowInput } from './csv-table.ts';

/**
 * The columns of a CSV dataset's files (csv.ts): the record schemas' fields, so a field added to
 * a schema is a column without being listed again, and how a cell becomes a field's value.
 */

/** The one piece of evidence a row of relationships.csv or phases.csv may carry. */
const EVIDENCE_COLUMNS = ['source', 'quote'];

/** Lists of records other than evidence, each written in one cell. */
const CELL_FORMATS: Partial<Record<string, (cell: string) => unknown[]>> = {
  /** "LEI:HWUPKR0MPOU8FGXBT394|INN:7707083893": the scheme, a colon, the value. */
  identifiers: (cell) =>
    listCell(cell).map((item) => {
      const colon = item.indexOf(':');
      if (colon < 0) return { value: item };
      return { scheme: item.slice(0, colon).trim(), value: item.slice(colon + 1).trim() };
    }),
};

function listCell(cell: string): string[] {
  return cell
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A table's fields that are columns: all but evidence and a relationship's history. */
function columnFields(schema: z.ZodObject): RecordField[] {
  return recordFields(schema).filter((field) => {
    if (field.name === 'evidence' || field.name === 'history') return false;
    if (field.kind === 'records' && !CELL_FORMATS[field.name]) {
      throw new Error(
        `${field.name} is a list of records with no CSV cell format: give it one in seed/src/formats/csv.ts`,
      );
    }
    return true;
  });
}

function table(schema: z.ZodObject, required: string[], evidence: boolean) {
  const fields = columnFields(schema);
  const columns = fields.map((field) => field.name);
  return { fields, columns: evidence ? [...columns, ...EVIDENCE_COLUMNS] : columns, required };
}

/** The columns of each file, as in the comment above, and those a row must fill. */
export const TABLES = {
  entities: table(entitySchema, ['id', 'kind', 'name'], false),
  relationships: table(relationshipSchema, ['from', 'type', 'to'], true),
  phases: table(phaseAdditionSchema, ['relationship', 'status', 'since'], true),
  sources: table(sourceSchema, ['id', 'title'], false),
};
export type Table = keyof typeof TABLES;

/** The row's cells as the record the zod schemas expect. */
export function toInput(table: Table, row: Row): Record<string, unknown> {
  const input = rowInput(row, table === 'relationships' || table === 'phases');
  for (const field of TABLES[table].fields) {
    const cell = input[field.name];
    if (typeof cell !== 'string') continue;
    if (field.kind === 'texts') input[field.name] = listCell(cell);
    const format = CELL_FORMATS[field.name];
    if (format) input[field.name] = format(cell);
  }
  return input;
}
