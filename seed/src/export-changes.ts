// `npm run export -- --dataset ID --changes`: writes the records curators changed through the
// API (seed/src/api-edits.ts) into the dataset's own YAML files, in place, so that `git diff`
// shows just those records: each edited record replaces its item where it stands (the rest of
// the file, comments included, is left as it is), a deleted one is taken out, and one the
// files no longer hold is added to the file with the dataset's header.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, type Node, parseDocument, stringify } from 'yaml';
import { findLoadedAt } from '../../server/src/db/api-edit-repository.ts';
import type { Database } from '../../server/src/db/database.ts';
import { listDatasets } from '../../server/src/db/dataset-repository.ts';
import { deriveRelationshipId } from '../../server/src/domain/relationship-id.ts';
import { sameRecord } from '../../server/src/domain/revisions.ts';
import type {
  EntityRecord,
  RelationshipRecord,
  SourceRecord,
} from '../../server/src/validation/records.ts';
import { type ApiEdit, readApiEdits } from './api-edits.ts';
import { entityYaml, relationshipYaml, sourceYaml } from './export-layout.ts';
import { driverMessage, isUnreachable, toContent } from './import.ts';
import { DATASETS_DIR, readInputs } from './inputs.ts';
import type { Located, Problem, ReadDataset } from './model.ts';
import { validateDatasets } from './validate.ts';

export interface ChangesOptions {
  /** The dataset whose API edits are written. */
  dataset: string;
  /** Its files: a folder or a file; default seed/datasets/<dataset>. */
  files?: string;
  /** Write a copy of the dataset's files with the changes into this new or empty folder instead. */
  out?: string;
}

export interface ChangesResult {
  /** 0 written, 1 refused (nothing written), 2 Neo4j unreachable, 3 reading failed. */
  exitCode: 0 | 1 | 2 | 3;
  /** The records written (or, refused, that would have been). */
  records: ApiEdit[];
  /** The files written. */
  files: string[];
  problems: Problem[];
  error?: string;
}

const KEYS = { entity: 'entities', relationship: 'relationships', source: 'sources' } as const;

const refused = (
  error: string,
  problems: Problem[] = [],
  records: ApiEdit[] = [],
): ChangesResult => ({
  exitCode: 1,
  records,
  files: [],
  problems,
  error,
});

/** The record as the file item states it: an id only where it could not be derived. */
function itemOf(edit: ApiEdit, located: Located<unknown> | undefined): object {
  switch (edit.kind) {
    case 'entity':
      return entityYaml(edit.record as EntityRecord);
    case 'source':
      return sourceYaml(edit.record as SourceRecord);
    case 'relationship': {
      const rel = edit.record as RelationshipRecord;
      const item = relationshipYaml(rel) as Record<string, unknown>;
      if (located?.fields?.id === undefined && deriveRelationshipId(rel) === rel.id) delete item.id;
      if (located?.fields?.status === undefined && rel.status === 'active') delete item.status;
      return item;
    }
  }
}

/** The byte range of the item of `key` that starts where `at` says. */
function itemRange(
  root: Node | null,
  key: string,
  at: { line: number; col: number },
  lines: LineCounter,
): [number, number] | undefined {
  const seq = isMap(root) ? root.get(key, true) : undefined;
  if (!isSeq(seq)) return undefined;
  for (const item of seq.items as Node[]) {
    const range = item.range;
    if (!range) continue;
    const pos = lines.linePos(range[0]);
    if (pos.line === at.line && pos.col === at.col) return [range[0], range[1]];
  }
  return undefined;
}

interface Patch {
  file: string;
  remove: { key: string; line: number; col: number }[];
  replace: { key: string; line: number; col: number; item: object }[];
  add: { key: string; item: object }[];
}

/** An item as block YAML, its lines after the first indented to stand at `indent`. */
function itemText(item: object, indent: number): string {
  const text = stringify(item, { lineWidth: 100, flowCollectionPadding: false });
  return text.replace(/\n(?=.)/g, `\n${' '.repeat(indent)}`);
}

/**
 * The file's text with the patch applied as splices of the items' own text, so that every other
 * line of the file, comments and layout included, stays as it was.
 */
function patched(patch: Patch): string {
  const text = readFileSync(patch.file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const range = (change: { key: string; line: number; col: number }) => {
    const found = itemRange(doc.contents, change.key, change, lines);
    if (!found) throw new Error(`${patch.file}:${change.line}: no ${change.key} item found there`);
    return found;
  };
  const splices: { from: number; to: number; text: string }[] = [];
  for (const change of patch.replace) {
    const [from, to] = range(change);
    splices.push({ from, to, text: itemText(change.item, change.col - 1) });
  }
  for (const change of patch.remove) {
    const [from, to] = range(change);
    // The whole item, from the start of the line of its dash.
    splices.push({ from: text.lastIndexOf('\n', from - 1) + 1, to, text: '' });
  }
  const added = new Map<string, object[]>();
  for (const { key, item } of patch.add) added.set(key, [...(added.get(key) ?? []), item]);
  for (const [key, items] of added) {
    const seq = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
    const last = isSeq(seq) ? (seq.items.at(-1) as Node | undefined) : undefined;
    if (last?.range && isSeq(seq) && !seq.flow) {
      const col = lines.linePos(last.range[0]).col - 1;
      const dash = ' '.repeat(Math.max(col - 2, 0));
      const at = last.range[1];
      splices.push({
        from: at,
        to: at,
        text: items.map((item) => `${dash}- ${itemText(item, col)}`).join(''),
      });
    } else if (seq === undefined) {
      const end = text.endsWith('\n') || text.length === 0 ? '' : '\n';
      const block = items.map((item) => `  - ${itemText(item, 4)}`).join('');
      splices.push({ from: text.length, to: text.length, text: `${end}\n${key}:\n${block}` });
    } else {
      throw new Error(`${patch.file}: ${key} is written inline; write it as a block list first`);
    }
  }
  let out = text;
  for (const splice of splices.sort((a, b) => b.from - a.from)) {
    out = out.slice(0, splice.from) + splice.text + out.slice(splice.to);
  }
  return out;
}

/** What to change in which file to state each edit. */
function patchesFor(read: ReadDataset, edits: readonly ApiEdit[]): Map<string, Patch> {
  const patches = new Map<string, Patch>();
  const of = (file: string) => {
    let patch = patches.get(file);
    if (!patch) {
      patch = { file, remove: [], replace: [], add: [] };
      patches.set(file, patch);
    }
    return patch;
  };
  const lists = {
    entity: read.entities,
    relationship: read.relationships,
    source: read.sources,
  } as Record<ApiEdit['kind'], Located<{ id: string }>[]>;
  for (const edit of edits) {
    const key = KEYS[edit.kind];
    const located = lists[edit.kind].find((item) => item.record.id === edit.id);
    if (edit.kind === 'relationship') {
      // The relationship's own phases stated apart (`phases:`) are in its record now.
      for (const phase of read.phases.filter((p) => p.record.relationship === edit.id)) {
        of(phase.origin.file).remove.push({ key: 'phases', ...phase.origin });
      }
    }
    if (!located) {
      if (edit.record) of(read.dataset.origin.file).add.push({ key, item: itemOf(edit, located) });
      continue;
    }
    if (edit.record === null) of(located.origin.file).remove.push({ key, ...located.origin });
    else
      of(located.origin.file).replace.push({ key, ...located.origin, item: itemOf(edit, located) });
  }
  return patches;
}

/** The record each edit leaves, as the patched files state it: the files must say what the database holds. */
function misstated(read: ReadDataset, edits: readonly ApiEdit[]): ApiEdit[] {
  const content = toContent(read);
  const lists = {
    entity: content.entities,
    relationship: content.relationships,
    source: content.sources,
  } as Record<ApiEdit['kind'], { id: string }[]>;
  return edits.filter((edit) => {
    const stated = lists[edit.kind].find((item) => item.id === edit.id);
    return edit.record === null
      ? stated !== undefined
      : !stated || !sameRecord(stated as never, edit.record);
  });
}

/** Puts a file in place whole: written beside it, then renamed over it. */
function replaceFile(file: string, text: string): void {
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, text);
  renameSync(next, file);
}

/**
 * Writes the records of `dataset` that curators changed through the API, and its files state
 * otherwise, into those files (or a copy of them in `out`), checked as the seeder would read
 * them before anything is written.
 */
export async function exportChanges(
  db: Database,
  uri: string,
  options: ChangesOptions,
): Promise<ChangesResult> {
  const { dataset } = options;
  const files = resolve(options.files ?? join(DATASETS_DIR, dataset));
  if (options.out && existsSync(options.out) && readdirSync(options.out).length > 0) {
    return refused(
      `${options.out} is not empty; name a new or empty folder for the changed files.`,
    );
  }
  let edits: ApiEdit[];
  let read: ReadDataset;
  try {
    const held = await listDatasets(db);
    if (!held.some((d) => d.id === dataset)) {
      return refused(
        `No dataset "${dataset}" in the database; it holds: ${held.map((d) => d.id).join(', ') || 'none'}.`,
      );
    }
    const loaded = (await findLoadedAt(db, [dataset])).get(dataset);
    if (!loaded?.whole) {
      return refused(
        `${dataset} was not loaded whole from YAML files, so it has no files to write its changes into; export it with \`npm run export -- --dataset ${dataset} --out DIR\`.`,
      );
    }
    if (!existsSync(files)) {
      return refused(
        `${files}: no such file or folder; name the dataset's files with --files PATH.`,
      );
    }
    const found = (await readInputs([files])).find((d) => d.dataset.record.id === dataset);
    if (!found) return refused(`${files} does not hold the dataset "${dataset}".`);
    if (found.problems.length > 0) {
      return refused(`${dataset}'s files have problems; mend them first.`, found.problems);
    }
    read = found;
    edits = await readApiEdits(db, toContent(read));
  } catch (error) {
    const message = driverMessage(error).split('\n')[0];
    return {
      exitCode: isUnreachable(error) ? 2 : 3,
      records: [],
      files: [],
      problems: [],
      error: isUnreachable(error)
        ? `Neo4j at ${uri} is unreachable (${message}). Nothing was written.`
        : `Reading the graph failed: ${message}. Nothing was written.`,
    };
  }
  if (edits.length === 0) {
    return refused(
      `The database holds no API edits of ${dataset}'s records that its files state otherwise; nothing was written.`,
    );
  }
  const patches = [...patchesFor(read, edits).values()];
  const folder = statSync(files).isDirectory() ? files : dirname(files);
  // The patched files, in a copy of the dataset, read back and checked before any is written.
  const copy = mkdtempSync(join(tmpdir(), `entente-${dataset}-changes-`));
  try {
    cpSync(folder, copy, { recursive: true });
    const texts = patches.map((patch) => ({ file: patch.file, text: patched(patch) }));
    for (const { file, text } of texts) writeFileSync(join(copy, relative(folder, file)), text);
    const target = statSync(files).isDirectory() ? copy : join(copy, basename(files));
    const reread = await readInputs([target]);
    const problems = validateDatasets(reread).map((problem) => ({
      ...problem,
      file: problem.file.replace(copy, options.out ?? folder),
    }));
    if (problems.length > 0) {
      return refused(
        `${problems.length} problem(s): the dataset's files with these records would not load, so nothing was written.`,
        problems,
        edits,
      );
    }
    const mine = reread.find((d) => d.dataset.record.id === dataset) as ReadDataset;
    const wrong = misstated(mine, edits);
    if (wrong.length > 0) {
      throw new Error(
        `the patched files do not state ${wrong.map((e) => e.id).join(', ')} as stored`,
      );
    }
    if (options.out) {
      const out = resolve(options.out);
      if (existsSync(out)) rmSync(out, { recursive: true });
      mkdirSync(dirname(out), { recursive: true });
      cpSync(copy, out, { recursive: true });
      return {
        exitCode: 0,
        records: edits,
        files: texts.map(({ file }) => join(out, relative(folder, file))),
        problems: [],
      };
    }
    for (const { file, text } of texts) replaceFile(file, text);
    return { exitCode: 0, records: edits, files: texts.map(({ file }) => file), problems: [] };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
