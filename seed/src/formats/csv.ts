/**
 * CSV datasets: a folder holding
 *
 *   entities.csv       id,kind,name,aliases,description,country,founded,dissolved,website,
 *                      wikidata,identifiers
 *                      required: id, kind, name; aliases separated by "|"; identifiers as
 *                      SCHEME:value separated by "|" ("LEI:HWUPKR0MPOU8FGXBT394|INN:7707083893")
 *   relationships.csv  id,from,type,to,status,since,until,role,measure,instrument,claim,
 *                      description,source,quote
 *                      required: from, type, to; without an id, one is derived from the ends, type,
 *                      since and role; status (the one it began in) defaults to active; each row
 *                      carries at most one piece of evidence (source id + quote), and rows of the
 *                      same relationship (same id, given or derived) add up their evidence
 *   phases.csv         relationship,status,since,note,source,quote (optional file)
 *                      required: relationship, status, since; later changes of a relationship's
 *                      status, each with evidence; rows of the same relationship and since add
 *                      up their evidence
 *   sources.csv        id,title,url,publisher,author,published (optional file)
 *                      required: id, title
 *
 * The columns are the record schemas' fields (validation/record-schemas.ts), so a field added
 * there is a column here (server/src/exchange/csv-columns.ts): a list of text is written separated
 * by "|"; a list of records needs a cell format in CELL_FORMATS there.
 * The first row names the columns, in any order; columns not listed are errors. Files are UTF-8,
 * comma-separated, quoted as in RFC 4180. An empty cell is an absent value. Dates are YYYY,
 * YYYY-MM or YYYY-MM-DD and are kept as written. The dataset id is the folder name unless given.
 */
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { deriveRelationshipId, slugify } from '../../../server/src/domain/relationship-id.ts';
import { sortPhases } from '../../../server/src/domain/status-history.ts';
import { TABLE_FILES, TABLES, type Table } from '../../../server/src/exchange/csv-columns.ts';
import {
  datasetSchema,
  entitySchema,
  evidenceSchema,
  phaseAdditionSchema,
  relationshipSchema,
  sourceSchema,
} from '../../../server/src/validation/record-schemas.ts';
import type {
  PhaseAdditionRecord,
  RelationshipRecord,
} from '../../../server/src/validation/records.ts';
import type { Located, Problem, ReadDataset } from '../model.ts';
import { toInput } from './csv-columns.ts';
import {
  cellOrigin,
  fieldOrigins,
  issueProblems,
  mergeRow,
  type Row,
  readTable,
} from './csv-table.ts';

const cols = (header: string) => header.split(',');

/**
 * The id a rejected row would have had: a record that names it is then not reported again as
 * naming an unknown id (the row's own problem says what is wrong).
 */
function rejectedId(table: Table, row: Row): string | undefined {
  const cell = (column: string) => row.cells.get(column)?.value;
  const given = cell('id');
  if (given || table !== 'relationships') return given;
  const [from, type, to] = [cell('from'), cell('type'), cell('to')];
  const known = relationshipSchema.shape.type.safeParse(type);
  if (!from || !to || !known.success) return undefined;
  return deriveRelationshipId({
    from,
    type: known.data,
    to,
    since: cell('since'),
    role: cell('role'),
  });
}

/** The fields a later row of the same relationship may repeat or fill in, but not contradict. */
const MERGED_FIELDS = cols(
  'from,type,to,status,since,until,role,measure,instrument,claim,description',
) as (keyof RelationshipRecord & string)[];

/** The same for a phase: its relationship and since are what make rows one phase. */
const MERGED_PHASE_FIELDS = ['status', 'note'] as const;

/**
 * One row of phases.csv before its rows are added up: evidence may still be missing, as a later
 * row of the same phase may give it. The phase as a whole needs it (checked once merged).
 */
const phaseRowSchema = phaseAdditionSchema.extend({ evidence: z.array(evidenceSchema) });

/** A phase with where its fields were: in phases.csv, for the validator's messages. */
type LocatedPhase = Located<PhaseAdditionRecord> & { row: Row };

/**
 * The rows of phases.csv as phases, rows of the same relationship and since added up. A phase
 * without evidence is a problem at its first row's source cell.
 */
function mergePhases(rows: { row: Row; record: PhaseAdditionRecord }[], found: Problem[]) {
  const phases = new Map<string, LocatedPhase>();
  for (const { row, record } of rows) {
    const key = `${record.relationship}\u0000${record.since}`;
    const first = phases.get(key);
    if (first) mergeRow(first, row, record, MERGED_PHASE_FIELDS, 'phase', found);
    else phases.set(key, { record, origin: row.origin, fields: fieldOrigins(row), row });
  }
  const evidence = phaseAdditionSchema.shape.evidence;
  return [...phases.values()].filter((phase) => {
    const checked = evidence.safeParse(phase.record.evidence);
    if (!checked.success) {
      const message = checked.error.issues.map((issue) => issue.message).join('; ');
      found.push({ ...cellOrigin(phase.row, 'source'), message: `source: ${message}` });
    }
    // The source cell stands for the evidence; the validator points unknown sources there.
    if (phase.fields) phase.fields.evidence = cellOrigin(phase.row, 'source');
    return checked.success;
  });
}

/**
 * Phases of this dataset's own relationships join their histories, in date order (the
 * validator checks them there, at the phases.csv cells recorded as `history.<i>.<field>`);
 * the others name relationships of other datasets and stay additions.
 */
function placePhases(
  phases: LocatedPhase[],
  relationships: Map<string, Located<RelationshipRecord>>,
): Located<PhaseAdditionRecord>[] {
  const additions: Located<PhaseAdditionRecord>[] = [];
  const byRelationship = new Map<string, LocatedPhase[]>();
  for (const phase of phases) {
    const id = phase.record.relationship;
    if (!relationships.has(id)) {
      const { row: _row, ...located } = phase;
      additions.push(located);
    } else byRelationship.set(id, [...(byRelationship.get(id) ?? []), phase]);
  }
  for (const [id, own] of byRelationship) {
    const target = relationships.get(id) as Located<RelationshipRecord>;
    const fields = target.fields ?? {};
    target.fields = fields;
    // relationships.csv has no history column: a relationship's whole history is in phases.csv.
    const sorted = sortPhases(own.map((phase) => ({ since: phase.record.since, phase })));
    target.record = {
      ...target.record,
      history: sorted.map(
        ({
          phase: {
            record: { relationship: _id, ...phase },
          },
        }) => phase,
      ),
    };
    sorted.forEach(({ phase }, i) => {
      fields[`history.${i}`] = phase.origin;
      for (const [field, origin] of Object.entries(phase.fields ?? {})) {
        if (field !== 'relationship') fields[`history.${i}.${field}`] = origin;
      }
    });
  }
  return additions;
}

/**
 * Reads `<dir>/entities.csv`, `<dir>/relationships.csv` and, if there, `<dir>/phases.csv` and
 * `<dir>/sources.csv`.
 */
export function readCsv(dir: string, options: { datasetId?: string } = {}): ReadDataset {
  const problems: Problem[] = [];
  const counts = { mapped: {} as Record<string, number>, unmapped: {} as Record<string, number> };
  const folder = basename(resolve(dir));
  const entitiesFile = join(dir, TABLE_FILES.entities);

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

  const rejected: Record<Table, string[]> = {
    entities: [],
    relationships: [],
    phases: [],
    sources: [],
  };
  /** Each valid row of a table as its zod output, with where it was; problems into `found`. */
  const readRows = <T>(table: Table, schema: z.ZodType<T>, found: Problem[], optional = false) => {
    const file = join(dir, TABLE_FILES[table]);
    const rows = readTable(file, TABLES[table], found);
    if (!rows) {
      const message = `missing file: a CSV dataset needs ${table}.csv`;
      if (!optional) found.push({ file, line: 1, col: 1, message });
      return [];
    }
    const out: { row: Row; record: T }[] = [];
    for (const row of rows) {
      const parsed = schema.safeParse(toInput(table, row));
      if (parsed.success) out.push({ row, record: parsed.data });
      else {
        found.push(...issueProblems(row, parsed.error.issues));
        const id = rejectedId(table, row);
        if (id) rejected[table].push(id);
      }
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
  const found: Record<Table, Problem[]> = {
    entities: [],
    relationships: [],
    phases: [],
    sources: [],
  };
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
    if (first) mergeRow(first, row, withId, MERGED_FIELDS, 'relationship', found.relationships);
    else relationships.set(id, located({ row, record: withId }));
  }
  const phaseRows = readRows('phases', phaseRowSchema, found.phases, true);
  const phases = placePhases(mergePhases(phaseRows, found.phases), relationships);
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
    phases,
    problems,
    rejected: {
      entities: rejected.entities,
      sources: rejected.sources,
      relationships: rejected.relationships,
    },
    counts,
  };
}
