import { describe, expect, it } from 'vitest';
import { COOPERATION, SUBGRAPH } from '../../../test/fixtures/api-answers.ts';
import { EMPTY_CANVAS, mergeSubgraph } from '../state/canvas.ts';
import { toElements } from './elements.ts';

describe('toElements', () => {
  const canvas = mergeSubgraph(EMPTY_CANVAS, SUBGRAPH);
  const { nodes, edges } = toElements(canvas);

  it('makes one node per entity with its kind and degree', () => {
    expect(nodes.map((n) => n.data)).toContainEqual(
      expect.objectContaining({
        id: 'kaspersky-lab',
        label: 'Kaspersky Lab',
        kind: 'COMPANY',
        degree: 3,
      }),
    );
    expect(nodes).toHaveLength(3);
  });

  it('keeps the stored direction, type and status of each relationship, dated in its label', () => {
    expect(edges.map((e) => e.data)).toContainEqual({
      id: 'europol-cooperates-with-kaspersky-lab',
      source: 'kaspersky-lab',
      target: 'europol',
      type: 'COOPERATES_WITH',
      status: 'FROZEN',
      label: 'cooperates with (2018-06-13)',
    });
  });

  it('when the API cut a hub / says "+N more" on it, counting relationships not drawn', () => {
    const hub = nodes.find((n) => n.data.id === 'no-more-ransom');
    expect(hub?.data.label).toBe('No More Ransom\n+77 more');
    expect(hub?.data.more).toBe(77);
    expect(nodes.find((n) => n.data.id === 'europol')?.data.label).toBe('Europol');
  });

  it('drops relationships whose ends are not on the canvas', () => {
    const ends = new Set(['kaspersky-lab', 'europol']);
    const only = mergeSubgraph(EMPTY_CANVAS, {
      ...SUBGRAPH,
      nodes: SUBGRAPH.nodes.filter((node) => ends.has(node.id)),
    });
    expect(toElements(only).edges.map((e) => e.data.id)).toEqual([
      'europol-cooperates-with-kaspersky-lab',
    ]);
  });

  it('gives each line the status in force at the as-of date, and the latest without one', () => {
    const withHistory = mergeSubgraph(canvas, { ...SUBGRAPH, edges: [COOPERATION] });
    const statusAt = (asOf: string | null) =>
      toElements(withHistory, asOf).edges.find((e) => e.data.id === COOPERATION.id)?.data.status;
    expect(statusAt('2017-01-01')).toBe('ACTIVE');
    expect(statusAt('2019-01-01')).toBe('FROZEN');
    expect(statusAt(null)).toBe('FROZEN');
  });
});
