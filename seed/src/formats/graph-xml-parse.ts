import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Problem } from '../model.ts';

/**
 * GEXF and GraphML files as plain nodes and edges: each element's id, attribute values by their
 * title (GEXF) or key name (GraphML), its interval (GEXF), and the line and column it begins at,
 * for messages. What the values mean is graph-xml.ts's.
 */

export interface GraphElement {
  id: string;
  /** The attribute values by name; a node's label, when given, is `label`. */
  values: Map<string, string>;
  /** The first spell (or the element's own start/end) of a GEXF element. */
  start?: string;
  end?: string;
  line: number;
  col: number;
}

export interface GraphEdge extends GraphElement {
  source: string;
  target: string;
}

export interface ParsedGraph {
  format: 'gexf' | 'graphml';
  nodes: GraphElement[];
  edges: GraphEdge[];
}

type XmlElement = ReturnType<Document['getElementsByTagName']>[number] & {
  lineNumber?: number;
  columnNumber?: number;
};

function elements(parent: Document | XmlElement, tag: string): XmlElement[] {
  return Array.from(parent.getElementsByTagName(tag)) as XmlElement[];
}

function where(element: XmlElement) {
  return { line: element.lineNumber ?? 1, col: element.columnNumber ?? 1 };
}

/** An edge's ends (the same attributes in both formats); nothing for a node. */
function ends(element: XmlElement, tag: 'node' | 'edge') {
  if (tag === 'node') return {};
  return {
    source: element.getAttribute('source') ?? '',
    target: element.getAttribute('target') ?? '',
  };
}

/** A dynamic GEXF value (with its own start or end) holds for a stretch, not for the record. */
function isDynamic(element: XmlElement): boolean {
  return ['start', 'end', 'timestamp', 'startopen', 'endopen'].some((name) =>
    element.hasAttribute(name),
  );
}

function gexfElements(document: Document, tag: 'node' | 'edge'): GraphElement[] {
  const titles = new Map<string, string>();
  for (const model of elements(document, 'attributes')) {
    if (model.getAttribute('class') !== tag) continue;
    for (const attribute of elements(model, 'attribute')) {
      const id = attribute.getAttribute('id') ?? '';
      titles.set(id, attribute.getAttribute('title') || id);
    }
  }
  return elements(document, tag).map((element) => {
    const values = new Map<string, string>();
    const label = element.getAttribute('label');
    if (label) values.set('label', label);
    for (const value of elements(element, 'attvalue')) {
      if (isDynamic(value)) continue;
      const key = value.getAttribute('for') || value.getAttribute('id') || '';
      values.set(titles.get(key) ?? key, value.getAttribute('value') ?? '');
    }
    const spell = elements(element, 'spell')[0] ?? element;
    return {
      id: element.getAttribute('id') ?? '',
      values,
      start: spell.getAttribute('start') || undefined,
      end: spell.getAttribute('end') || undefined,
      ...where(element),
      ...ends(element, tag),
    };
  });
}

function graphmlElements(document: Document, tag: 'node' | 'edge'): GraphElement[] {
  const names = new Map<string, string>();
  for (const key of elements(document, 'key')) {
    const kind = key.getAttribute('for');
    if (kind !== tag && kind !== 'all') continue;
    const id = key.getAttribute('id') ?? '';
    names.set(id, key.getAttribute('attr.name') || id);
  }
  return elements(document, tag).map((element) => {
    const values = new Map<string, string>();
    for (const data of elements(element, 'data')) {
      const key = data.getAttribute('key') ?? '';
      values.set(names.get(key) ?? key, (data.textContent ?? '').trim());
    }
    return {
      id: element.getAttribute('id') ?? '',
      values,
      ...where(element),
      ...ends(element, tag),
    };
  });
}

/** The file's nodes and edges, or undefined with the problems that kept it from being read. */
export function parseGraphFile(file: string, problems: Problem[]): ParsedGraph | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({
      file,
      line: 1,
      col: 1,
      message: `cannot read the file: ${(error as Error).message}`,
    });
    return undefined;
  }
  const found: Problem[] = [];
  const report = (message: string) => {
    const at = /@#\[line:(\d+),col:(\d+)\]/.exec(message);
    const text = message.replace(/^\[xmldom \w+\]\s*/, '').replace(/\s*@#\[.*$/s, '');
    found.push({
      file,
      line: Number(at?.[1] ?? 1),
      col: Number(at?.[2] ?? 1),
      message: `XML: ${text}`,
    });
  };
  const document = new DOMParser({
    locator: {},
    errorHandler: { warning: report, error: report, fatalError: report },
  }).parseFromString(text, 'text/xml');
  const root = document.documentElement?.localName;
  if (found.length === 0 && root !== 'gexf' && root !== 'graphml') {
    found.push({
      file,
      line: 1,
      col: 1,
      message: `not a GEXF or GraphML file: its root element is ${root ?? 'missing'}`,
    });
  }
  if (found.length > 0) {
    problems.push(...found);
    return undefined;
  }
  const format = root as ParsedGraph['format'];
  const read = format === 'gexf' ? gexfElements : graphmlElements;
  return { format, nodes: read(document, 'node'), edges: read(document, 'edge') as GraphEdge[] };
}
