/**
 * CSV datasets: a folder holding
 *
 *   entities.csv       id,kind,name,aliases,country,founded,dissolved,website,wikidata,description
 *                      required: id, kind, name; aliases separated by "|"
 *   relationships.csv  id,from,type,to,status,since,until,role,measure,instrument,claim,
 *                      description,source,quote
 *                      required: from, type, to; without an id, one is derived from the ends, type,
 *                      since and role; status defaults to active; each row carries at most one
 *                      piece of evidence (source id + quote), and rows of the same relationship
 *                      (same id, given or derived) add up their evidence
 *   sources.csv        id,title,url,publisher,author,published (optional file)
 *                      required: id, title
 *
 * The first row names the columns, in any order; columns not listed are errors. Files are UTF-8,
 * comma-separated, quoted as in RFC 4180. An empty cell is an absent value. Dates are YYYY,
 * YYYY-MM or YYYY-MM-DD and are kept as written. The dataset id is the folder name unless given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { Origin, RelationshipRecord } from '../../../server/src/domain/records.ts';
import { deriveRelationshipId } from '../../../server/src/domain/relationship-id.ts';
import {
  datasetSchema,
  entitySchema,
  relationshipSchema,
  sourceSchema,
  suggestKey,
} from '../../../server/src/validation/record-schemas.ts';
import type { Located, Problem, ReadDataset } from '../model.ts';
import { slugify } from './ftm-mapping.ts';

const cols = (header: string) => header.split(',');

/** The columns of each file, as in the comment above, and those a row must fill. */
const TABLES = {
  entities: {
    columns: cols('id,kind,name,aliases,country,founded,dissolved,website,wikidata,description'),
    required: ['id', 'kind', 'name'],
  },
  relationships: {
    columns: cols(
      'id,from,type,to,status,since,until,role,measure,instrument,claim,description,source,quote',
    ),
    required: ['from', 'type', 'to'],
  },
  sources: { columns: cols('id,title,url,publisher,author,published'), required: ['id', 'title'] },
};
type Table = keyof typeof TABLES;

/** One data row: its non-empty cells by column name, each with where it was. */
interface Row {
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
function readTable(file: string, table: Table, problems: Problem[]): Row[] | undefined {
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

  const { columns, required } = TABLES[table];
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

function fieldOrigins(row: Row): Partial<Record<string, Origin>> {
  return Object.fromEntries([...row.cells].map(([column, cell]) => [column, cell.origin]));
}

/** The row's cells as the record the zod schemas expect; evidence from source and quote. */
function toInput(table: Table, row: Row): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, cell] of row.cells) input[column] = cell.value;
  if (table === 'entities' && input.aliases !== undefined) {
    input.aliases = String(input.aliases)
      .split('|')
      .map((alias) => alias.trim())
      .filter(Boolean);
  }
  if (table === 'relationships') {
    const { source, quote } = input;
    delete input.source;
    delete input.quote;
    const evidence = quote === undefined ? { source } : { source, quote };
    input.evidence = source === undefined && quote === undefined ? [] : [evidence];
  }
  return input;
}

function issueProblems(row: Row, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    // Evidence issues point at ['evidence', 0, 'source']: the column is the last key.
    const column = String(issue.path.findLast((key) => typeof key === 'string') ?? 'row');
    const origin = row.cells.get(column)?.origin ?? {
      ...row.origin,
      col: row.columns.get(column) ?? 1,
    };
    // An issue on a column the row leaves empty can only be that the value is needed.
    const missing = !row.cells.has(column);
    const message = !missing
      ? issue.message
      : column === 'source'
        ? 'is required when the row has a quote'
        : 'is required';
    return { ...origin, message: `${column}: ${message}` };
  });
}

/** The fields a later row of the same relationship may repeat or fill in, but not contradict. */
const MERGED_FIELDS = cols(
  'from,type,to,status,since,until,role,measure,instrument,claim,description',
) as (keyof RelationshipRecord & string)[];

/** Adds a later row of the same relationship to the first: its evidence, and fields the first left empty. */
function mergeRow(
  into: Located<RelationshipRecord>,
  row: Row,
  next: RelationshipRecord,
  problems: Problem[],
): void {
  const fields = into.fields ?? {};
  into.fields = fields;
  for (const field of MERGED_FIELDS) {
    const cell = row.cells.get(field);
    if (!cell) continue;
    const before = fields[field];
    if (!before) {
      Object.assign(into.record, { [field]: next[field] });
      fields[field] = cell.origin;
    } else if (into.record[field] !== next[field]) {
      problems.push({
        ...cell.origin,
        message: `${field}: "${next[field]}" contradicts "${into.record[field]}" of the same relationship at line ${before.line}`,
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

/** Reads `<dir>/entities.csv`, `<dir>/relationships.csv` and, if there, `<dir>/sources.csv`. */
export function readCsv(dir: string, options: { datasetId?: string } = {}): ReadDataset {
  const problems: Problem[] = [];
  const counts = { mapped: {} as Record<string, number>, unmapped: {} as Record<string, number> };
  const folder = basename(resolve(dir));
  const entitiesFile = join(dir, 'entities.csv');

  const datasetInput = {
    id: options.datasetId ?? (slugify(folder) || 'csv'),
    title: folder,
    requires: [],
  };
  const dataset = datasetSchema.safeParse(datasetInput);
  const datasetOrigin = { file: entitiesFile, line: 1, col: 1 };
  if (!dataset.success) {
    for (const issue of dataset.error.issues) {
      problems.push({
        ...datasetOrigin,
        message: `dataset ${issue.path.join('.')}: ${issue.message}`,
      });
    }
  }

  /** Each valid row of a table as its zod output, with where it was; problems into `found`. */
  const readRows = <T>(table: Table, schema: z.ZodType<T>, found: Problem[], optional = false) => {
    const file = join(dir, `${table}.csv`);
    const rows = readTable(file, table, found);
    if (!rows) {
      const message = `missing file: a CSV dataset needs ${table}.csv`;
      if (!optional) found.push({ file, line: 1, col: 1, message });
      return [];
    }
    const out: { row: Row; record: T }[] = [];
    for (const row of rows) {
      const parsed = schema.safeParse(toInput(table, row));
      if (parsed.success) out.push({ row, record: parsed.data });
      else found.push(...issueProblems(row, parsed.error.issues));
      const key = `${table}.csv`;
      const tally = parsed.success ? counts.mapped : counts.unmapped;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    return out;
  };

  const located = <T>({ row, record }: { row: Row; record: T }): Located<T> => ({
    record,
    origin: row.origin,
    fields: fieldOrigins(row),
  });
  const found: Record<Table, Problem[]> = { entities: [], relationships: [], sources: [] };
  const entities = readRows('entities', entitySchema, found.entities).map(located);
  const relationships = new Map<string, Located<RelationshipRecord>>();
  for (const { row, record } of readRows(
    'relationships',
    relationshipSchema,
    found.relationships,
  )) {
    const id = record.id ?? deriveRelationshipId(record);
    const withId: RelationshipRecord = { ...record, id };
    const first = relationships.get(id);
    if (first) mergeRow(first, row, withId, found.relationships);
    else relationships.set(id, located({ row, record: withId }));
  }
  const sources = readRows('sources', sourceSchema, found.sources, true).map(located);
  // Header, row and merge problems are found in separate passes; report each file top to bottom.
  for (const list of Object.values(found)) {
    problems.push(...list.sort((a, b) => a.line - b.line || a.col - b.col));
  }

  return {
    dataset: { record: dataset.success ? dataset.data : datasetInput, origin: datasetOrigin },
    sources,
    entities,
    relationships: [...relationships.values()],
    phases: [],
    problems,
    counts,
  };
}
