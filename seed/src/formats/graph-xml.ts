import { basename } from 'node:path';
import { ENTITY_KINDS } from '../../../server/src/domain/entity-kinds.ts';
import { fromEnumName } from '../../../server/src/domain/enum-names.ts';
import {
  deriveRelationshipId,
  isSlug,
  slugify,
  stableHash,
} from '../../../server/src/domain/relationship-id.ts';
import { RELATIONSHIP_TYPES } from '../../../server/src/domain/relationship-types.ts';
import { RELATIONSHIP_STATUSES } from '../../../server/src/domain/statuses.ts';
import {
  fromCells,
  listCell,
  TABLES,
  type Table,
} from '../../../server/src/exchange/csv-columns.ts';
import { PHASE_ATTRIBUTE } from '../../../server/src/exchange/gexf-write.ts';
import {
  LABEL_ATTRIBUTE,
  SOURCES_ATTRIBUTE,
} from '../../../server/src/exchange/graph-attributes.ts';
import {
  datasetSchema,
  entitySchema,
  relationshipSchema,
  sourceSchema,
} from '../../../server/src/validation/record-schemas.ts';
import type {
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
} from '../../../server/src/validation/records.ts';
import type { Located, Problem, ReadDataset } from '../model.ts';
import { type GraphElement, parseGraphFile } from './graph-xml-parse.ts';
import { issueMessages } from './issues.ts';

/**
 * GEXF and GraphML graphs (made in Gephi, or written by `npm run export -- --format`) as a
 * dataset. A node is an entity and an edge a relationship; their attributes are read by the
 * names the writers give them (server/src/exchange/graph-attributes.ts: the CSV columns, each
 * value in its CSV cell form), a node's label as its name. What a graph made elsewhere lacks has
 * a default: a node without a `kind` is an Organization, an edge without a `type` (or a label
 * naming one) LINKED_TO, and an edge's dates are its `since` and `until`, else its GEXF spell.
 * Each record cites the file, and the URLs of its `sources`. Attributes of other names (Gephi's
 * computed columns) are counted, not read.
 */

/** A name given as the ontology spells it, as a GraphQL enum, or in any case. */
function ontologyValue<T extends string>(
  values: readonly T[],
  given: string | undefined,
): T | string | undefined {
  if (!given) return undefined;
  return (
    values.find((value) => value === given) ??
    fromEnumName(values, given.toUpperCase()) ??
    values.find((value) => value.toLowerCase() === given.toLowerCase()) ??
    given
  );
}

/** A GEXF date or datetime as a partial date; other time formats (numbers) give none. */
function spellDate(value: string | undefined): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(value ?? '')?.[0];
}

export function readGraphXml(path: string, options: { datasetId?: string } = {}): ReadDataset {
  const name = basename(path);
  const stem = name.replace(/\.(gexf|graphml)$/i, '');
  const problems: Problem[] = [];
  const counts = { mapped: {} as Record<string, number>, unmapped: {} as Record<string, number> };
  const at = (element: { line: number; col: number }) => ({
    file: path,
    line: element.line,
    col: element.col,
  });
  const datasetInput = {
    id: options.datasetId ?? (slugify(stem) || 'graph'),
    title: stem,
    requires: [],
  };
  const dataset = datasetSchema.safeParse(datasetInput);
  if (!dataset.success)
    problems.push({
      ...at({ line: 1, col: 1 }),
      message: `dataset: ${issueMessages(dataset.error.issues)}`,
    });
  const result: ReadDataset = {
    dataset: {
      record: dataset.success ? dataset.data : datasetInput,
      origin: at({ line: 1, col: 1 }),
    },
    sources: [],
    entities: [],
    relationships: [],
    phases: [],
    problems,
    counts,
  };
  const graph = parseGraphFile(path, problems);
  if (!graph) return result;
  const fileSource: SourceRecord = {
    id: `graph-${datasetInput.id}`,
    title: `${graph.format === 'gexf' ? 'GEXF' : 'GraphML'} file ${name}`,
  };
  result.sources.push({ record: fileSource, origin: at({ line: 1, col: 1 }) });

  const urlSources = new Map<string, string>();
  const evidenceOf = (element: GraphElement): EvidenceRecord[] => {
    const evidence: EvidenceRecord[] = [{ source: fileSource.id }];
    for (const url of listCell(element.values.get(SOURCES_ATTRIBUTE) ?? '')) {
      if (!sourceSchema.shape.url.safeParse(url).success) continue;
      let id = urlSources.get(url);
      if (!id) {
        id = `${fileSource.id}-${stableHash(url).slice(0, 8)}`;
        urlSources.set(url, id);
        result.sources.push({ record: { id, title: url, url }, origin: at(element) });
      }
      evidence.push({ source: id });
    }
    return evidence;
  };

  /** The element's attributes that are fields of `table`; the others are counted. */
  const known = (table: Table, element: GraphElement, held: readonly string[]) => {
    const fields = new Set(TABLES[table].fields.map((field) => field.name));
    const cells: Record<string, string> = {};
    for (const [key, value] of element.values) {
      if (fields.has(key) && !held.includes(key)) {
        if (value !== '') cells[key] = value;
      } else if (![LABEL_ATTRIBUTE, SOURCES_ATTRIBUTE, PHASE_ATTRIBUTE, ...held].includes(key)) {
        const label = `attribute "${key}"`;
        counts.unmapped[label] = (counts.unmapped[label] ?? 0) + 1;
      }
    }
    return cells;
  };

  /** Entity ids by node id, and the line of the node that took each entity id. */
  const ids = new Map<string, { id: string; line: number }>();
  const taken = new Map<string, number>();
  for (const node of graph.nodes) {
    const id = isSlug(node.id) ? node.id : slugify(node.id);
    const where = `node "${node.id}"`;
    if (!id) {
      problems.push({ ...at(node), message: `${where}: an id is needed, of letters or digits` });
      continue;
    }
    const clash = taken.get(id);
    if (clash !== undefined) {
      problems.push({
        ...at(node),
        message: `${where}: gives the entity id "${id}" as the node at line ${clash} does`,
      });
      continue;
    }
    taken.set(id, node.line);
    const cells = known('entities', node, ['id', 'name']);
    const input = fromCells('entities', {
      ...cells,
      id,
      name: node.values.get(LABEL_ATTRIBUTE) || node.values.get('name') || node.id,
      kind: ontologyValue(ENTITY_KINDS, cells.kind) ?? 'Organization',
      evidence: evidenceOf(node),
    });
    const parsed = entitySchema.safeParse(input);
    if (!parsed.success) {
      problems.push({ ...at(node), message: `${where}: ${issueMessages(parsed.error.issues)}` });
      continue;
    }
    ids.set(node.id, { id, line: node.line });
    result.entities.push({ record: parsed.data as EntityRecord, origin: at(node) });
  }
  counts.mapped.nodes = result.entities.length;

  for (const edge of graph.edges) {
    const where = `edge "${edge.id || `${edge.source}->${edge.target}`}"`;
    const from = ids.get(edge.source);
    const to = ids.get(edge.target);
    if (!from || !to) {
      const missing = from ? edge.target : edge.source;
      problems.push({ ...at(edge), message: `${where}: no node "${missing}" in the file` });
      continue;
    }
    const cells = known('relationships', edge, ['id', 'from', 'to']);
    const label = edge.values.get(LABEL_ATTRIBUTE);
    const named = RELATIONSHIP_TYPES.find((type) => type === label);
    const input = fromCells('relationships', {
      ...cells,
      from: from.id,
      to: to.id,
      type: ontologyValue(RELATIONSHIP_TYPES, cells.type) ?? named ?? 'LINKED_TO',
      status: ontologyValue(RELATIONSHIP_STATUSES, cells.status),
      since: cells.since ?? spellDate(edge.start),
      until: cells.until ?? spellDate(edge.end),
      evidence: evidenceOf(edge),
    });
    const parsed = relationshipSchema.safeParse(input);
    if (!parsed.success) {
      problems.push({ ...at(edge), message: `${where}: ${issueMessages(parsed.error.issues)}` });
      continue;
    }
    const id = isSlug(edge.id) ? edge.id : deriveRelationshipId(parsed.data);
    const record: RelationshipRecord = { ...parsed.data, id, history: [] };
    result.relationships.push({ record, origin: at(edge) } as Located<RelationshipRecord>);
  }
  counts.mapped.edges = result.relationships.length;
  return result;
}
