import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isMap, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { deriveRelationshipId } from '../../../server/src/domain/relationship-id.ts';
import {
  datasetSchema,
  entitySchema,
  KNOWN_KEYS,
  phaseAdditionSchema,
  relationshipSchema,
  sourceSchema,
  storySchema,
  suggestKey,
} from '../../../server/src/validation/record-schemas.ts';
import type { DatasetRecord, Origin } from '../../../server/src/validation/records.ts';
import type { Located, Problem, ReadDataset } from '../model.ts';
import { fieldOrigins, issueProblems, Locator } from './yaml-locate.ts';

const TOP_LEVEL_KEYS = [
  'dataset',
  'sources',
  'entities',
  'relationships',
  'phases',
  'stories',
] as const;
type ListKey = 'sources' | 'entities' | 'relationships' | 'phases' | 'stories';

interface FileResult {
  dataset?: Located<DatasetRecord>;
  /** True when the file has a `dataset:` key, valid or not (or could not be parsed at all). */
  hasHeader: boolean;
  rejected: NonNullable<ReadDataset['rejected']>;
  sources: ReadDataset['sources'];
  entities: ReadDataset['entities'];
  relationships: ReadDataset['relationships'];
  phases: ReadDataset['phases'];
  stories: NonNullable<ReadDataset['stories']>;
  problems: Problem[];
}

function readList<T>(
  locator: Locator,
  root: YAMLMap,
  key: ListKey,
  schema: z.ZodType<T>,
  problems: Problem[],
  rejectedIds: string[],
  /** Origins of nested fields, beyond the record's own keys. */
  nestedFields: (locator: Locator, item: YAMLMap) => Partial<Record<string, Origin>> = () => ({}),
): Located<T>[] {
  const list = root.get(key, true) as Node | undefined;
  if (list === undefined || list === null) return [];
  if (!isSeq(list)) {
    problems.push(locator.problem(list, `${key} must be a list`));
    return [];
  }
  const out: Located<T>[] = [];
  for (const item of list.items as Node[]) {
    if (!isMap(item)) {
      problems.push(locator.problem(item, `each of ${key} must be a mapping of keys to values`));
      continue;
    }
    const parsed = schema.safeParse(item.toJSON());
    if (!parsed.success) {
      problems.push(...issueProblems(locator, item, parsed.error.issues, KNOWN_KEYS[key]));
      const id = item.get('id');
      if (typeof id === 'string') rejectedIds.push(id);
      continue;
    }
    out.push({
      record: parsed.data,
      origin: locator.at(item),
      fields: { ...fieldOrigins(locator, item), ...nestedFields(locator, item) },
    });
  }
  return out;
}

/**
 * Where each step of a story is, and each of its fields and the ids it lists, as
 * `steps.<i>`, `steps.<i>.<field>` and `steps.<i>.<field>.<j>` (or `.<id>` for positions).
 */
function stepOrigins(locator: Locator, item: YAMLMap): Partial<Record<string, Origin>> {
  const steps = item.get('steps', true) as Node | undefined;
  if (!isSeq(steps)) return {};
  const fields: Partial<Record<string, Origin>> = {};
  steps.items.forEach((step, i) => {
    if (!isMap(step)) return;
    fields[`steps.${i}`] = locator.at(step as Node);
    for (const pair of step.items) {
      const key = (pair.key as { value?: unknown })?.value;
      if (typeof key !== 'string') continue;
      fields[`steps.${i}.${key}`] = locator.at((pair.value as Node) ?? (pair.key as Node));
      const value = pair.value as Node | null;
      if (isSeq(value))
        value.items.forEach((entry, j) => {
          fields[`steps.${i}.${key}.${j}`] = locator.at(entry as Node);
        });
      if (isMap(value))
        for (const entry of value.items) {
          const id = (entry.key as { value?: unknown })?.value;
          if (typeof id === 'string')
            fields[`steps.${i}.${key}.${id}`] = locator.at(entry.key as Node);
        }
    }
  });
  return fields;
}

/** Where each phase of a relationship's history is, as `history.<i>.<field>`: for messages. */
function historyOrigins(locator: Locator, item: YAMLMap): Partial<Record<string, Origin>> {
  const history = item.get('history', true) as Node | undefined;
  if (!isSeq(history)) return {};
  const fields: Partial<Record<string, Origin>> = {};
  history.items.forEach((phase, i) => {
    if (!isMap(phase)) return;
    fields[`history.${i}`] = locator.at(phase as Node);
    for (const [key, origin] of Object.entries(fieldOrigins(locator, phase))) {
      fields[`history.${i}.${key}`] = origin;
    }
  });
  return fields;
}

export function readYamlFile(file: string): FileResult {
  const result: FileResult = {
    hasHeader: false,
    sources: [],
    entities: [],
    relationships: [],
    phases: [],
    stories: [],
    problems: [],
    rejected: { entities: [], sources: [], relationships: [] },
  };
  const lineCounter = new LineCounter();
  const locator = new Locator(file, lineCounter);
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  // One syntax error is enough: the parser's follow-up errors only repeat it.
  const [syntax] = doc.errors;
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    result.problems.push({ file, line, col, message: `YAML: ${syntax.message.split('\n')[0]}` });
    result.hasHeader = true;
    return result;
  }
  const root = doc.contents;
  if (root === null) return result;
  if (!isMap(root)) {
    result.problems.push(
      locator.problem(root, `the file must map ${TOP_LEVEL_KEYS.join(', ')} to values`),
    );
    return result;
  }
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value);
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      const hint = suggestKey(key, TOP_LEVEL_KEYS);
      result.problems.push(
        locator.problem(
          pair.key as Node,
          `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        ),
      );
    }
  }
  const header = root.get('dataset', true) as Node | undefined;
  if (header !== undefined) {
    result.hasHeader = true;
    if (!isMap(header)) {
      result.problems.push(locator.problem(header, 'dataset must be a mapping'));
    } else {
      const parsed = datasetSchema.safeParse(header.toJSON());
      if (parsed.success) result.dataset = { record: parsed.data, origin: locator.at(header) };
      else
        result.problems.push(
          ...issueProblems(locator, header, parsed.error.issues, KNOWN_KEYS.dataset),
        );
    }
  }
  result.sources = readList(
    locator,
    root,
    'sources',
    sourceSchema,
    result.problems,
    result.rejected.sources,
  );
  result.entities = readList(
    locator,
    root,
    'entities',
    entitySchema,
    result.problems,
    result.rejected.entities,
  );
  result.relationships = readList(
    locator,
    root,
    'relationships',
    relationshipSchema,
    result.problems,
    result.rejected.relationships ?? [],
    historyOrigins,
  ).map((item) => ({
    ...item,
    record: { ...item.record, id: item.record.id ?? deriveRelationshipId(item.record) },
  }));
  result.phases = readList(locator, root, 'phases', phaseAdditionSchema, result.problems, []);
  result.stories = readList(
    locator,
    root,
    'stories',
    storySchema,
    result.problems,
    [],
    stepOrigins,
  );
  return result;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => ['.yaml', '.yml'].includes(extname(name)))
    .sort()
    .map((name) => join(dir, name));
}

/** Reads a dataset: one YAML file, or a folder of them with one `dataset:` header among them. */
export function readYamlDataset(path: string): ReadDataset {
  const files = statSync(path).isDirectory() ? yamlFiles(path) : [path];
  const read = files.map(readYamlFile);
  const problems = read.flatMap((file) => file.problems);
  const headers = read.flatMap((file) => (file.dataset ? [file.dataset] : []));
  const [header, ...extra] = headers;
  for (const duplicate of extra) {
    problems.push({
      ...duplicate.origin,
      message: `a second dataset header (the first is at ${header?.origin.file}:${header?.origin.line})`,
    });
  }
  const fallbackId = basename(path, extname(path));
  if (!read.some((file) => file.hasHeader)) {
    const file = files[0] ?? path;
    problems.push({
      file,
      line: 1,
      col: 1,
      message: `no "dataset:" header with id and title in ${path}`,
    });
  }
  return {
    dataset: header ?? {
      record: { id: fallbackId, title: fallbackId, requires: [] },
      origin: { file: path, line: 1, col: 1 },
    },
    sources: read.flatMap((file) => file.sources),
    entities: read.flatMap((file) => file.entities),
    relationships: read.flatMap((file) => file.relationships),
    phases: read.flatMap((file) => file.phases),
    stories: read.flatMap((file) => file.stories),
    problems,
    rejected: {
      entities: read.flatMap((file) => file.rejected.entities),
      sources: read.flatMap((file) => file.rejected.sources),
      relationships: read.flatMap((file) => file.rejected.relationships ?? []),
    },
    whole: true,
  };
}
