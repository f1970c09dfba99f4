import { firstDay, lastDay, type PartialDate } from '../domain/partial-date.ts';
import { phasesOf } from '../domain/status-history.ts';
import type { RelationshipRecord } from '../validation/records.ts';
import { type ExchangeGraph, sourcesById } from './graph.ts';
import {
  EDGE_ATTRIBUTES,
  edgeEnds,
  edgeValues,
  isDirected,
  NODE_ATTRIBUTES,
  nodeValues,
} from './graph-attributes.ts';
import { XML_DECLARATION, xmlElement, xmlText } from './xml.ts';

/**
 * A graph as GEXF 1.3 (gexf.net), dynamic, so that Gephi's timeline plays it: an entity lives
 * from `founded` to `dissolved` and a relationship from `since` to `until`, each as a spell, and
 * `phase` is the relationship's status over time. GEXF dates are whole days, so a partial date
 * is read as the ontology reads it: a start from its first day (2018-06 from 2018-06-01), an end
 * through its last (until 2018 through 2018-12-31). The dates as written are attributes too.
 */

/** The dynamic edge attribute: the status in force over each stretch of a relationship. */
export const PHASE_ATTRIBUTE = 'phase';

function spells(start: PartialDate | undefined, end: PartialDate | undefined): string[] {
  if (!start && !end) return [];
  const spell = xmlElement('spell', {
    start: start ? firstDay(start) : undefined,
    end: end ? lastDay(end) : undefined,
  });
  return xmlElement('spells', {}, spell);
}

function attvalues(values: [string, string][], dynamic: string[] = []): string[] {
  const lines = [
    ...values.flatMap(([name, value]) => xmlElement('attvalue', { for: name, value })),
    ...dynamic,
  ];
  return lines.length > 0 ? xmlElement('attvalues', {}, lines) : [];
}

/** The status in force over each stretch: a phase ends the day before the next begins. */
function phaseValues(relationship: RelationshipRecord): string[] {
  const phases = phasesOf(relationship);
  return phases.flatMap((phase, i) => {
    const next = phases[i + 1]?.since;
    const end = next ? dayBefore(firstDay(next)) : phase.until ? lastDay(phase.until) : undefined;
    return xmlElement('attvalue', {
      for: PHASE_ATTRIBUTE,
      value: phase.status,
      start: phase.since ? firstDay(phase.since) : undefined,
      end,
    });
  });
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function model(kind: 'node' | 'edge', names: readonly string[]): string[] {
  const attributes = names.flatMap((id) =>
    xmlElement('attribute', { id, title: id, type: 'string' }),
  );
  return xmlElement(
    'attributes',
    { class: kind, mode: kind === 'edge' ? 'dynamic' : 'static' },
    attributes,
  );
}

export function toGexf(graph: ExchangeGraph, description = 'Entente graph'): string {
  const sources = sourcesById(graph);
  const nodes = graph.entities.flatMap((entity) =>
    xmlElement('node', { id: entity.id, label: entity.name }, [
      ...attvalues(nodeValues(entity, sources)),
      ...spells(entity.founded, entity.dissolved),
    ]),
  );
  const edges = graph.relationships.flatMap((relationship) =>
    xmlElement(
      'edge',
      {
        ...edgeEnds(relationship),
        type: isDirected(relationship) ? 'directed' : 'undirected',
        label: relationship.type,
      },
      [
        ...attvalues(edgeValues(relationship, sources), phaseValues(relationship)),
        ...spells(relationship.since, relationship.until),
      ],
    ),
  );
  const document = xmlElement(
    'gexf',
    {
      xmlns: 'http://gexf.net/1.3',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
      version: '1.3',
    },
    [
      ...xmlElement('meta', {}, [
        xmlText('creator', 'Entente'),
        xmlText('description', description),
      ]),
      ...xmlElement(
        'graph',
        {
          mode: 'dynamic',
          defaultedgetype: 'directed',
          timeformat: 'date',
          timerepresentation: 'interval',
        },
        [
          ...model('node', NODE_ATTRIBUTES),
          ...model('edge', [...EDGE_ATTRIBUTES, PHASE_ATTRIBUTE]),
          ...xmlElement('nodes', {}, nodes),
          ...xmlElement('edges', {}, edges),
        ],
      ),
    ],
  );
  return `${[XML_DECLARATION, ...document].join('\n')}\n`;
}
