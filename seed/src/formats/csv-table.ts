import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { suggestKey } from '../../../server/src/validation/record-schemas.ts';
import type { EvidenceRecord, Origin } from '../../../server/src/validation/records.ts';
import type { Located, Problem } from '../model.ts';

/** How one CSV file of a dataset is read: its columns, the ones a header must name. */
export interface TableSpec {
  columns: readonly string[];
  required: readonly string[];
}

/** One data row: its non-empty cells by column name, each with where it was. */
export interface Row {
  origin: Origin;
  cells: Map<string, { value: string; origin: Origin }>;
  /** 1-based column of each known column name, so an empty required cell can be pointed at. */
  columns: ReadonlyMap<string, number>;
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The rows of one CSV file, or undefined when the file is not there. */
export function readTable(file: string, spec: TableSpec, problems: Problem[]): Row[] | undefined {
  if (!existsSync(file)) return undefined;
  const problem = (line: number, col: number, message: string) =>
    problems.push({ file, line, col, message });
  // csv-parse counts "\r\n" inconsistently in its line numbers; one kind of newline keeps them exact.
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const records = parse(text, {
    info: true,
    raw: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) problem(Number(error.lines) || 1, 1, `CSV: ${error.message}`);
      return undefined;
    },
  }) as unknown as ParsedRecord[];
  const [header, ...body] = records;
  if (!header) return [];

  const { columns, required } = spec;
  const headerLine = startLine(header);
  const names: (string | undefined)[] = header.record.map((name, index) => {
    if (columns.includes(name)) {
      if (header.record.indexOf(name) === index) return name;
      problem(headerLine, index + 1, `column "${name}" appears twice`);
      return undefined;
    }
    const hint = suggestKey(name, columns);
    problem(
      headerLine,
      index + 1,
      `unknown column "${name}"${hint ? ` (did you mean "${hint}"?)` : ''} (columns: ${columns.join(', ')})`,
    );
    return undefined;
  });
  const missing = required.filter((column) => !names.includes(column));
  for (const column of missing) {
    problem(headerLine, 1, `missing column "${column}", which is required`);
  }
  // Every row would repeat the same complaint; the header problem says it once.
  if (missing.length > 0) return [];

  const columnIndex = new Map(
    names.flatMap((name, index) => (name ? [[name, index + 1] as const] : [])),
  );
  const rows: Row[] = [];
  for (const parsed of body) {
    const line = startLine(parsed);
    if (parsed.record.length > names.length) {
      problem(
        line,
        names.length + 1,
        `${parsed.record.length} cells but the header names ${names.length} columns`,
      );
      continue;
    }
    const cells = new Map<string, { value: string; origin: Origin }>();
    parsed.record.forEach((value, index) => {
      const name = names[index];
      if (name && value !== '') cells.set(name, { value, origin: { file, line, col: index + 1 } });
    });
    rows.push({ origin: { file, line, col: 1 }, cells, columns: columnIndex });
  }
  return rows;
}

/** csv-parse reports the line a record ends on; a quoted cell may span several lines. */
function startLine(parsed: ParsedRecord): number {
  const body = parsed.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return parsed.info.lines - (body.match(/\n/g)?.length ?? 0);
}

export function fieldOrigins(row: Row): Partial<Record<string, Origin>> {
  return Object.fromEntries([...row.cells].map(([column, cell]) => [column, cell.origin]));
}

/** Where a column of a row is: its cell, or where the cell would be when the row leaves it empty. */
export function cellOrigin(row: Row, column: string): Origin {
  return row.cells.get(column)?.origin ?? { ...row.origin, col: row.columns.get(column) ?? 1 };
}

/** The row's cells as the record the zod schemas expect; `source` and `quote` as one piece of evidence. */
export function rowInput(row: Row, withEvidence: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, cell] of row.cells) input[column] = cell.value;
  if (withEvidence) {
    const { source, quote } = input;
    delete input.source;
    delete input.quote;
    const evidence = quote === undefined ? { source } : { source, quote };
    input.evidence = source === undefined && quote === undefined ? [] : [evidence];
  }
  return input;
}

export function issueProblems(row: Row, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    // An issue inside a list held in one cell (['identifiers', 0, 'value']) is that cell's.
    // Evidence issues point at ['evidence', 0, 'source'] (the column is the last key), or at
    // ['evidence'] when there is none: then the source column is what is missing.
    const [head] = issue.path;
    const key =
      typeof head === 'string' && row.columns.has(head)
        ? head
        : String(issue.path.findLast((k) => typeof k === 'string') ?? 'row');
    const column = key === 'evidence' ? 'source' : key;
    // An issue on a column the row leaves empty can only be that the value is needed.
    const missing = !row.cells.has(column);
    const message =
      !missing || key === 'evidence'
        ? issue.message
        : column === 'source'
          ? 'is required when the row has a quote'
          : 'is required';
    return { ...cellOrigin(row, column), message: `${column}: ${message}` };
  });
}

/**
 * Adds a later row of the same record to the first: its evidence, and the fields the first left
 * empty; a field it gives otherwise than the first is a problem at its cell.
 */
export function mergeRow<T extends { evidence: EvidenceRecord[] }>(
  into: Located<T>,
  row: Row,
  next: T,
  merged: readonly (keyof T & string)[],
  what: string,
  problems: Problem[],
): void {
  const fields = into.fields ?? {};
  into.fields = fields;
  for (const field of merged) {
    const cell = row.cells.get(field);
    if (!cell) continue;
    const before = fields[field];
    if (!before) {
      Object.assign(into.record, { [field]: next[field] });
      fields[field] = cell.origin;
    } else if (into.record[field] !== next[field]) {
      problems.push({
        ...cell.origin,
        message: `${field}: "${next[field]}" contradicts "${into.record[field]}" of the same ${what} at line ${before.line}`,
      });
    }
  }
  for (const evidence of next.evidence) {
    const known = into.record.evidence.some(
      (e) => e.source === evidence.source && e.quote === evidence.quote,
    );
    if (!known) into.record.evidence.push(evidence);
  }
}
