import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_GRAPH } from '../../../test/fixtures/exchange-graph.ts';
import { toGexf } from './gexf-write.ts';
import { toGraphml } from './graphml-write.ts';

const ids = (list: readonly { id: string }[]) => list.map((item) => item.id).sort();

/** Each element's spell as [start, end], by id. */
function spellsOf(xml: string, tag: 'node' | 'edge'): Record<string, (string | null)[]> {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const out: Record<string, (string | null)[]> = {};
  const elements = document.getElementsByTagName(tag);
  for (let i = 0; i < elements.length; i += 1) {
    const element = elements.item(i);
    const spell = element?.getElementsByTagName('spell').item(0);
    if (element && spell) {
      out[element.getAttribute('id') ?? ''] = [
        spell.getAttribute('start') || null,
        spell.getAttribute('end') || null,
      ];
    }
  }
  return out;
}

describe('GEXF 1.3', () => {
  const xml = toGexf(EXCHANGE_GRAPH);
  const graph = parseGexf(Graph, xml);

  it('parses with graphology-gexf and keeps every node and edge with its attributes', () => {
    expect(graph.nodes().sort()).toEqual(ids(EXCHANGE_GRAPH.entities));
    expect(graph.edges().sort()).toEqual(ids(EXCHANGE_GRAPH.relationships));
    expect(graph.getNodeAttributes('acme-lab')).toMatchObject({
      label: 'Acme Lab <AO>',
      kind: 'Company',
      aliases: 'Acme|AO Acme Lab',
      identifiers: 'OGRN:1027739867473',
      description: 'Maker of "security" software & more.',
      founded: '1997',
      sources: 'https://example.com/news/2018?a=1&b=2',
    });
    expect(graph.getEdgeAttributes('council-restricts-acme')).toMatchObject({
      type: 'RESTRICTS',
      since: '2020-07-30',
      until: '2025',
      measure: 'asset freeze',
      sources: 'https://example.com/council/2020',
    });
    expect(graph.source('jane-leads-acme')).toBe('jane-doe');
    expect(graph.isUndirected('acme-cooperates-with-police')).toBe(true);
    expect(graph.isDirected('jane-leads-acme')).toBe(true);
  });

  it('gives every dated record its interval as a spell, partial dates as whole days', () => {
    expect(spellsOf(xml, 'edge')).toEqual({
      'acme-cooperates-with-police': ['2016-07-01', null],
      'council-restricts-acme': ['2020-07-30', '2025-12-31'],
      'jane-leads-acme': ['2001-01-01', '2019-03-31'],
    });
    expect(spellsOf(xml, 'node')).toEqual({
      'acme-lab': ['1997-01-01', null],
      union: ['1993-11-01', null],
      'jane-doe': ['1970-02-01', '2020-12-31'],
    });
  });

  it('gives the status in force over time as a dynamic attribute, one stretch per phase', () => {
    expect(xml).toContain(
      '<attvalue for="phase" value="active" start="2016-07-01" end="2018-06-12"/>',
    );
    expect(xml).toContain('<attvalue for="phase" value="frozen" start="2018-06-13"/>');
    expect(xml).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date"');
  });
});

describe('GraphML', () => {
  const graph = parseGraphml(Graph, toGraphml(EXCHANGE_GRAPH));

  it('parses with graphology-graphml and keeps every node, edge, attribute and date', () => {
    expect(graph.nodes().sort()).toEqual(ids(EXCHANGE_GRAPH.entities));
    expect(graph.edges().sort()).toEqual(ids(EXCHANGE_GRAPH.relationships));
    expect(graph.getNodeAttributes('jane-doe')).toMatchObject({
      label: 'Jane Doe',
      kind: 'Person',
      founded: '1970-02',
      dissolved: '2020',
    });
    expect(graph.getEdgeAttributes('jane-leads-acme')).toMatchObject({
      type: 'LEADS',
      since: '2001',
      until: '2019-03',
      role: 'CEO',
    });
    expect(graph.getEdgeAttributes('acme-member-of-union')).toMatchObject({
      claim: 'a claim, with a comma',
    });
    expect(graph.isUndirected('acme-cooperates-with-police')).toBe(true);
    expect(graph.isDirected('jane-leads-acme')).toBe(true);
  });
});
