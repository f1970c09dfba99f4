import type { z } from 'zod';
import { type RecordField, recordFields } from '../validation/record-fields.ts';
import {
  entitySchema,
  phaseAdditionSchema,
  relationshipSchema,
  sourceSchema,
} from '../validation/record-schemas.ts';

/**
 * The columns of a CSV dataset's files: the record schemas' fields, so a field added to a schema
 * is a column without being listed again, and how a list is held in one cell. The seeder's CSV
 * reader (seed/src/formats/csv.ts) and the CSV writer (csv-write.ts) both read this.
 */

/** The one piece of evidence a row of relationships.csv or phases.csv may carry. */
export const EVIDENCE_COLUMNS = ['source', 'quote'];

/** What separates the items of a list held in one cell. */
export const LIST_SEPARATOR = '|';

export function listCell(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A list of records other than evidence, held in one cell: how it is read and written. */
interface CellFormat {
  read(cell: string): unknown[];
  write(items: readonly Record<string, unknown>[]): string;
}

export const CELL_FORMATS: Partial<Record<string, CellFormat>> = {
  /** "LEI:HWUPKR0MPOU8FGXBT394|INN:7707083893": the scheme, a colon, the value. */
  identifiers: {
    read: (cell) =>
      listCell(cell).map((item) => {
        const colon = item.indexOf(':');
        if (colon < 0) return { value: item };
        return { scheme: item.slice(0, colon).trim(), value: item.slice(colon + 1).trim() };
      }),
    write: (items) => items.map((item) => `${item.scheme}:${item.value}`).join(LIST_SEPARATOR),
  },
};

/** A field's value as one cell: a list separated by LIST_SEPARATOR, a list of records in its format. */
export function cellText(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const format = CELL_FORMATS[field];
    return format ? format.write(value) : value.join(LIST_SEPARATOR);
  }
  return String(value);
}

/** A table's fields that are columns: all but evidence and a relationship's history. */
function columnFields(schema: z.ZodObject): RecordField[] {
  return recordFields(schema).filter((field) => {
    if (field.name === 'evidence' || field.name === 'history') return false;
    if (field.kind === 'records' && !CELL_FORMATS[field.name]) {
      throw new Error(
        `${field.name} is a list of records with no CSV cell format: give it one in server/src/exchange/csv-columns.ts`,
      );
    }
    return true;
  });
}

function table(schema: z.ZodObject, required: string[], evidence: boolean) {
  const fields = columnFields(schema);
  const columns = fields.map((field) => field.name);
  return {
    fields,
    columns: evidence ? [...columns, ...EVIDENCE_COLUMNS] : columns,
    required,
    evidence,
  };
}

/** The columns of each file and those a row must fill. */
export const TABLES = {
  entities: table(entitySchema, ['id', 'kind', 'name'], false),
  relationships: table(relationshipSchema, ['from', 'type', 'to'], true),
  phases: table(phaseAdditionSchema, ['relationship', 'status', 'since'], true),
  sources: table(sourceSchema, ['id', 'title'], false),
};
export type Table = keyof typeof TABLES;

/**
 * A record's input from its cells (text by field name), as the record schemas expect it: a list
 * split at LIST_SEPARATOR, a list of records read in its cell format. Other keys pass unchanged.
 */
export function fromCells(table: Table, cells: Record<string, unknown>): Record<string, unknown> {
  const input = { ...cells };
  for (const field of TABLES[table].fields) {
    const cell = input[field.name];
    if (typeof cell !== 'string') continue;
    if (field.kind === 'texts') input[field.name] = listCell(cell);
    const format = CELL_FORMATS[field.name];
    if (format) input[field.name] = format.read(cell);
  }
  return input;
}

/** The file each table is read from and written to. */
export const TABLE_FILES: Readonly<Record<Table, string>> = {
  entities: 'entities.csv',
  relationships: 'relationships.csv',
  phases: 'phases.csv',
  sources: 'sources.csv',
};
