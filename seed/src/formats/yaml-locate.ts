// Where a YAML node is, as `file:line:col`, and zod's issues as problems at the node they name.
import { isMap, type LineCounter, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import {
  KNOWN_KEYS,
  storyPointSchema,
  suggestKey,
} from '../../../server/src/validation/record-schemas.ts';
import type { Origin } from '../../../server/src/validation/records.ts';
import type { Problem } from '../model.ts';

/** Turns offsets into 1-based line and column of one file. */
export class Locator {
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
export function nodeAt(map: YAMLMap, path: readonly PropertyKey[], unknownKey?: string): Node {
  let node: Node = map;
  for (const step of path) {
    const next = (node as YAMLMap).get?.(step as never, true) as Node | undefined;
    if (!next) break;
    node = next;
  }
  if (unknownKey && isMap(node)) return keyNode(node, unknownKey) ?? node;
  return node;
}

/** The keys of the nested record an issue's path is in, if any: listed innermost first. */
function nestedKeys(path: readonly PropertyKey[]): readonly string[] | undefined {
  const nested: [string, readonly string[]][] = [
    ['evidence', KNOWN_KEYS.evidence],
    ['positions', Object.keys(storyPointSchema.shape)],
    ['history', KNOWN_KEYS.history],
    ['identifiers', KNOWN_KEYS.identifiers],
    ['steps', KNOWN_KEYS.steps],
  ];
  return nested.find(([key]) => path.includes(key))?.[1];
}

export function issueProblems(
  locator: Locator,
  map: YAMLMap,
  issues: z.core.$ZodIssue[],
  knownKeys: readonly string[],
): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = nestedKeys(issue.path) ?? knownKeys;
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

export function fieldOrigins(locator: Locator, map: YAMLMap): Partial<Record<string, Origin>> {
  const fields: Partial<Record<string, Origin>> = {};
  for (const pair of map.items) {
    const key = (pair.key as { value?: unknown })?.value;
    if (typeof key === 'string')
      fields[key] = locator.at((pair.value as Node) ?? (pair.key as Node));
  }
  return fields;
}
