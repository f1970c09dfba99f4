import { type ExchangeGraph, sourcesById } from './graph.ts';
import {
  EDGE_ATTRIBUTES,
  edgeEnds,
  edgeValues,
  isDirected,
  LABEL_ATTRIBUTE,
  NODE_ATTRIBUTES,
  nodeValues,
} from './graph-attributes.ts';
import { XML_DECLARATION, xmlElement, xmlText } from './xml.ts';

/**
 * A graph as GraphML (graphml.graphdrawing.org): one key per attribute, the entity's name as the
 * node's `label` (as Gephi reads it), each edge directed but those of
 * symmetric types (the default is undirected, since readers such as graphology's honour an edge's
 * `directed="true"` but not `"false"`). GraphML has no time,
 * so the dates are attributes as written (`since`, `until`, `founded`, `dissolved`).
 */

/** The id of an attribute's key: node and edge keys may share a name, never an id. */
export function keyId(kind: 'node' | 'edge', name: string): string {
  return `${kind}-${name}`;
}

function keys(kind: 'node' | 'edge', names: readonly string[]): string[] {
  return names.flatMap((name) =>
    xmlElement('key', {
      id: keyId(kind, name),
      for: kind,
      'attr.name': name,
      'attr.type': 'string',
    }),
  );
}

function data(kind: 'node' | 'edge', values: [string, string][]): string[] {
  return values.map(([name, value]) => xmlText('data', value, { key: keyId(kind, name) }));
}

export function toGraphml(graph: ExchangeGraph): string {
  const sources = sourcesById(graph);
  const nodes = graph.entities.flatMap((entity) =>
    xmlElement(
      'node',
      { id: entity.id },
      data('node', [[LABEL_ATTRIBUTE, entity.name], ...nodeValues(entity, sources)]),
    ),
  );
  const edges = graph.relationships.flatMap((relationship) =>
    xmlElement(
      'edge',
      {
        ...edgeEnds(relationship),
        directed: isDirected(relationship) ? 'true' : undefined,
      },
      data('edge', edgeValues(relationship, sources)),
    ),
  );
  const document = xmlElement(
    'graphml',
    {
      xmlns: 'http://graphml.graphdrawing.org/xmlns',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
    },
    [
      ...keys('node', [LABEL_ATTRIBUTE, ...NODE_ATTRIBUTES]),
      ...keys('edge', EDGE_ATTRIBUTES),
      ...xmlElement('graph', { id: 'entente', edgedefault: 'undirected' }, [...nodes, ...edges]),
    ],
  );
  return `${[XML_DECLARATION, ...document].join('\n')}\n`;
}
