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
  suggestKey,
} from '../../../server/src/validation/record-schemas.ts';
import type { DatasetRecord, Origin } from '../../../server/src/validation/records.ts';
import type { Located, Problem, ReadDataset } from '../model.ts';

const TOP_LEVEL_KEYS = ['dataset', 'sources', 'entities', 'relationships', 'phases'] as const;
type ListKey = 'sources' | 'entities' | 'relationships' | 'phases';

/** Turns offsets into 1-based line and column of one file. */
class Locator {
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}
  at(node: Node | null | undefined): Origin {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }
  problem(node: Node | null | undefined, message: string): Problem {
    return { ...this.at(node), message };
  }
}

function keyNode(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((item) => (item.key as { value?: unknown })?.value === key);
  return pair?.key as Node | undefined;
}

/** The node a zod issue path points at: the value, or the key for unknown keys. */
function nodeAt(map: YAMLMap, path: readonly PropertyKey[], unknownKey?: string): Node {
  let node: Node = map;
  for (const step of path) {
    const next = (node as YAMLMap).get?.(step as never, true) as Node | undefined;
    if (!next) break;
    node = next;
  }
  if (unknownKey && isMap(node)) return keyNode(node, unknownKey) ?? node;
  return node;
}

function issueProblems(
  locator: Locator,
  map: YAMLMap,
  issues: z.core.$ZodIssue[],
  knownKeys: readonly string[],
): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = issue.path.includes('evidence')
        ? KNOWN_KEYS.evidence
        : issue.path.includes('history')
          ? KNOWN_KEYS.history
          : issue.path.includes('identifiers')
            ? KNOWN_KEYS.identifiers
            : knownKeys;
      return issue.keys.map((key) => {
        const hint = suggestKey(key, known);
        return locator.problem(
          nodeAt(map, issue.path, key),
          `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        );
      });
    }
    const field = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const empty = issue.code === 'invalid_type' && issue.input === null;
    const message = missing
      ? `${field} is required`
      : empty
        ? `${field} is empty (leave the key out when there is no value)`
        : `${field}: ${issue.message}`;
    return [locator.problem(nodeAt(map, issue.path), message)];
  });
}

function fieldOrigins(locator: Locator, map: YAMLMap): Partial<Record<string, Origin>> {
  const fields: Partial<Record<string, Origin>> = {};
  for (const pair of map.items) {
    const key = (pair.key as { value?: unknown })?.value;
    if (typeof key === 'string')
      fields[key] = locator.at((pair.value as Node) ?? (pair.key as Node));
  }
  return fields;
}

interface FileResult {
  dataset?: Located<DatasetRecord>;
  /** True when the file has a `dataset:` key, valid or not (or could not be parsed at all). */
  hasHeader: boolean;
  rejected: NonNullable<ReadDataset['rejected']>;
  sources: ReadDataset['sources'];
  entities: ReadDataset['entities'];
  relationships: ReadDataset['relationships'];
  phases: ReadDataset['phases'];
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
    problems,
    rejected: {
      entities: read.flatMap((file) => file.rejected.entities),
      sources: read.flatMap((file) => file.rejected.sources),
      relationships: read.flatMap((file) => file.rejected.relationships ?? []),
    },
    whole: true,
  };
}
