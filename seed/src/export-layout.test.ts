import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { EntityView, RelationshipView } from '../../server/src/validation/records.ts';
import { type ExportedDataset, folderNames, layOut, loadOrder, toYaml } from './export-layout.ts';

const entity = (id: string, datasets: string[]): EntityView => ({
  id,
  kind: 'Company',
  name: id,
  aliases: [],
  evidence: [],
  datasets,
  degree: 0,
  version: 'v',
});

const empty = (id: string, requires: string[] = []): ExportedDataset => ({
  dataset: { id, title: id, requires },
  entities: [],
  sources: [],
  relationships: [],
  phases: [],
});

const rel: RelationshipView = {
  id: 'a-restricts-b',
  from: 'a',
  type: 'RESTRICTS',
  to: 'b',
  status: 'active',
  since: '2020',
  evidence: [{ source: 's' }],
  history: [
    { status: 'frozen', since: '2021', evidence: [{ source: 's' }], dataset: 'base' },
    { status: 'active', since: '2022', evidence: [{ source: 's', quote: 'q' }], dataset: 'later' },
  ],
  dataset: 'base',
  version: 'v',
};

describe('layOut', () => {
  const datasets = layOut({
    datasets: [
      { id: 'base', title: 'Base', requires: [] },
      { id: 'later', title: 'Later', requires: [] },
    ],
    entities: [entity('b', ['base']), entity('a', ['base', 'curation'])],
    sources: [{ id: 's', title: 'S', dataset: 'base' }],
    relationships: [rel],
  });
  const byId = new Map(datasets.map((d) => [d.dataset.id, d]));

  it('puts an entity in each of its datasets, sorted by id, without what the API adds', () => {
    expect(byId.get('base')?.entities.map((e) => e.id)).toEqual(['a', 'b']);
    expect(byId.get('curation')?.entities).toEqual([
      { id: 'a', kind: 'Company', name: 'a', aliases: [], evidence: [] },
    ]);
  });

  it("keeps a relationship's own phases in its history and moves another dataset's to that dataset's phases, which then requires it", () => {
    expect(byId.get('base')?.relationships[0]?.history).toEqual([
      { status: 'frozen', since: '2021', evidence: [{ source: 's' }] },
    ]);
    expect(byId.get('later')?.phases).toEqual([
      {
        relationship: 'a-restricts-b',
        status: 'active',
        since: '2022',
        evidence: [{ source: 's', quote: 'q' }],
      },
    ]);
    expect(byId.get('later')?.dataset.requires).toEqual(['base']);
  });

  it('orders the datasets so that each loads after those it requires and those listed before it', () => {
    expect(datasets.map((d) => d.dataset.id)).toEqual(['base', 'curation', 'later']);
  });
});

describe('loadOrder', () => {
  it('follows the order entities list their datasets in, before ids', () => {
    const order = loadOrder([empty('a'), empty('b'), empty('c')], [{ datasets: ['c', 'a'] }]);
    expect(order.map((d) => d.dataset.id)).toEqual(['b', 'c', 'a']);
  });

  it('when entities contradict each other / still places every dataset once, smallest id first', () => {
    const order = loadOrder(
      [empty('b'), empty('a')],
      [{ datasets: ['a', 'b'] }, { datasets: ['b', 'a'] }],
    );
    expect(order.map((d) => d.dataset.id)).toEqual(['a', 'b']);
  });
});

describe('toYaml', () => {
  it('writes keys in the format order, leaves out empty lists and absent values, and reads back the same', () => {
    const dataset: ExportedDataset = {
      ...empty('d'),
      entities: [
        { id: 'x', kind: 'Company', name: 'X', aliases: [], evidence: [], founded: '1997' },
      ],
    };
    const text = toYaml(dataset);
    expect(text).toBe(
      'dataset:\n  id: d\n  title: d\n  requires: []\nentities:\n  - id: x\n    kind: Company\n    name: X\n    founded: "1997"\n',
    );
    expect(parse(text).entities[0].founded).toBe('1997');
  });
});

describe('folderNames', () => {
  it('numbers the folders so that they sort in load order', () => {
    const names = folderNames(Array.from({ length: 100 }, (_, i) => empty(`d${i}`)));
    expect(names[0]).toBe('001-d0');
    expect(names[99]).toBe('100-d99');
  });
});
