import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../../server/src/exchange/gexf-write.ts';
import { toGraphml } from '../../../server/src/exchange/graphml-write.ts';
import { EXCHANGE_GRAPH } from '../../../test/fixtures/exchange-graph.ts';
import type { ReadDataset } from '../model.ts';
import { readGraphXml } from './graph-xml.ts';

const dir = mkdtempSync(join(tmpdir(), 'entente-graph-xml-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** What a graph file keeps of each record: all but the evidence's quotes and sources without a URL. */
function records(read: ReadDataset) {
  const urls = new Map(read.sources.map((s) => [s.record.id, s.record.url]));
  const cited = (evidence: readonly { source: string }[]) =>
    evidence.map((e) => urls.get(e.source)).filter(Boolean);
  return {
    entities: read.entities.map(({ record: { evidence, ...entity } }) => ({
      ...entity,
      urls: cited(evidence),
    })),
    relationships: read.relationships.map(({ record: { evidence, history: _h, ...rel } }) => ({
      ...rel,
      urls: cited(evidence),
    })),
  };
}

function expected() {
  const urls = new Map(EXCHANGE_GRAPH.sources.map((s) => [s.id, 'url' in s ? s.url : undefined]));
  const cited = (evidence: readonly { source: string }[]) =>
    [...new Set(evidence.map((e) => urls.get(e.source)))].filter(Boolean);
  return {
    entities: EXCHANGE_GRAPH.entities.map(({ evidence, ...entity }) => ({
      ...entity,
      urls: cited(evidence),
    })),
    relationships: EXCHANGE_GRAPH.relationships.map(({ evidence, history: _h, ...rel }) => ({
      ...rel,
      urls: cited(evidence),
    })),
  };
}

describe('readGraphXml', () => {
  it.each([
    ['GEXF', 'graph.gexf', toGexf],
    ['GraphML', 'graph.graphml', toGraphml],
  ])('reads a %s export back as the same entities and relationships', (_name, name, write) => {
    const read = readGraphXml(file(name, write(EXCHANGE_GRAPH)));
    expect(read.problems).toEqual([]);
    expect(records(read)).toEqual(expected());
    expect(read.dataset.record.id).toBe('graph');
    expect(read.counts).toEqual({ mapped: { nodes: 6, edges: 5 }, unmapped: {} });
  });

  it('reads a graph made in Gephi: titled attributes, spells, defaults for what it lacks', () => {
    const read = readGraphXml(
      file(
        'gephi.gexf',
        `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
    <attributes class="node"><attribute id="0" title="Modularity Class" type="integer"/><attribute id="1" title="kind" type="string"/></attributes>
    <nodes>
      <node id="n1" label="Europol"><attvalues><attvalue for="0" value="2"/><attvalue for="1" value="AGENCY"/></attvalues></node>
      <node id="n2" label="Acme GmbH"/>
    </nodes>
    <edges>
      <edge id="0" source="n2" target="n1" label="COOPERATES_WITH"><spells><spell start="2016-07-25" end="2018-06-13"/></spells></edge>
      <edge id="e2" source="n1" target="n2"/>
    </edges>
  </graph>
</gexf>`,
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.entities.map((e) => [e.record.id, e.record.kind, e.record.name])).toEqual([
      ['n1', 'Agency', 'Europol'],
      ['n2', 'Organization', 'Acme GmbH'],
    ]);
    expect(read.relationships.map(({ record: r }) => [r.id, r.type, r.since, r.until])).toEqual([
      ['0', 'COOPERATES_WITH', '2016-07-25', '2018-06-13'],
      ['e2', 'LINKED_TO', undefined, undefined],
    ]);
    expect(read.counts?.unmapped).toEqual({ 'attribute "Modularity Class"': 1 });
  });

  it('when an edge names no node or a value is wrong / names the file, line and element', () => {
    const path = file(
      'bad.graphml',
      `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind"/>
  <key id="d" for="edge" attr.name="since"/>
  <graph edgedefault="directed">
    <node id="a"><data key="k">Spaceship</data></node>
    <node id="b"/>
    <edge source="b" target="nowhere"/>
    <edge id="ab" source="b" target="b"><data key="d">2018-02-30</data></edge>
  </graph>
</graphml>`,
    );
    const read = readGraphXml(path);
    expect(read.problems.map((p) => [p.file, p.line, p.message.split(':')[0]])).toEqual([
      [path, 5, 'node "a"'],
      [path, 7, 'edge "b->nowhere"'],
      [path, 8, 'edge "ab"'],
    ]);
    expect(read.problems[0]?.message).toContain('kind');
    expect(read.problems[1]?.message).toContain('no node "nowhere"');
    expect(read.problems[2]?.message).toContain('2018-02-30');
  });

  it('when the XML is broken / names the line and reads nothing', () => {
    const path = file('broken.gexf', '<gexf>\n  <graph>\n    <node id="a" label="A/>\n</gexf>');
    const read = readGraphXml(path);
    expect(read.problems.length).toBeGreaterThan(0);
    expect(read.problems[0]).toMatchObject({ file: path });
    expect(read.problems[0]?.message).toMatch(/^XML: /);
    expect(read.entities).toEqual([]);
  });
});
