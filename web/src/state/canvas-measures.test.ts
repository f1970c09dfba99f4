import { describe, expect, it } from 'vitest';
import type { Canvas, CanvasEdge, CanvasNode } from './canvas.ts';
import {
  CANVAS_MEASURE_WORK,
  COMMUNITY_COLOURS,
  measureCanvas,
  NO_MEASURE_VIEW,
  nodeMeasureStyle,
  UNSTYLED,
  whoMatters,
} from './canvas-measures.ts';
import { computeVisibility, NO_FILTERS } from './visibility.ts';

const node = (id: string, kind: CanvasNode['kind'] = 'COMPANY'): CanvasNode => ({
  id,
  name: `Name ${id}`,
  kind,
  degree: 0,
  aliases: [],
});
const edge = (source: string, target: string, since: string | null = null): CanvasEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  type: 'COOPERATES_WITH',
  status: 'ACTIVE',
  since,
  until: null,
  label: 'cooperates with',
  dataset: null,
  history: [],
});

/** A path a–b–c, and c–d only from 2020; d is a person. */
const CANVAS: Canvas = {
  nodes: Object.fromEntries(
    [node('a'), node('b'), node('c'), node('d', 'PERSON')].map((n) => [n.id, n]),
  ),
  edges: Object.fromEntries(
    [edge('a', 'b'), edge('b', 'c'), edge('c', 'd', '2020')].map((e) => [e.id, e]),
  ),
  pinned: [],
};

describe('measures of the canvas', () => {
  it('measure what is visible: at 2019 the tie from 2020 does not count', () => {
    const all = measureCanvas(CANVAS, computeVisibility(CANVAS, NO_FILTERS, null));
    expect(all.values.get('c')?.degree).toBe(2);
    const then = measureCanvas(CANVAS, computeVisibility(CANVAS, NO_FILTERS, '2019'));
    expect(then.values.get('c')?.degree).toBe(1);
    // d is greyed then, alone: b lies between one of the three pairs of the others.
    expect(then.values.get('d')?.degree).toBe(0);
    expect(then.values.get('b')?.betweenness).toBeCloseTo(1 / 3, 9);
  });

  it('leave out the kinds the filters hide', () => {
    const filters = { ...NO_FILTERS, hiddenKinds: ['PERSON'] };
    const measured = measureCanvas(CANVAS, computeVisibility(CANVAS, filters, null));
    expect(measured.values.has('d')).toBe(false);
    expect(whoMatters(measured, { ...NO_MEASURE_VIEW, sizeBy: 'betweenness' }, 1)).toEqual([
      { id: 'b', value: 1, community: expect.any(Number) },
    ]);
  });

  it('size by a measure over the highest on the canvas, and colour each community', () => {
    const measured = measureCanvas(CANVAS, computeVisibility(CANVAS, NO_FILTERS, null));
    expect(nodeMeasureStyle(measured, NO_MEASURE_VIEW)).toEqual(UNSTYLED);
    const style = nodeMeasureStyle(measured, {
      sizeBy: 'betweenness',
      communities: true,
      open: true,
    });
    expect(style.sizes?.get('a')).toBe(0);
    expect(Math.max(...(style.sizes?.values() ?? []))).toBe(1);
    const entries = measured.communities;
    expect(entries.reduce((sum, entry) => sum + entry.size, 0)).toBe(4);
    expect(entries[0]?.colour).toBe(COMMUNITY_COLOURS[0]);
    for (const [id, values] of measured.values)
      expect(style.colours?.get(id)).toBe(entries[values.community]?.colour);
  });

  it('leave a canvas over the page’s bound unmeasured, saying how many entities it shows', () => {
    const count = Math.ceil(Math.sqrt(CANVAS_MEASURE_WORK)) + 1;
    const nodes = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`n${i}`, node(`n${i}`)]),
    );
    const wide: Canvas = { nodes, edges: {}, pinned: [] };
    const measured = measureCanvas(wide, computeVisibility(wide, NO_FILTERS, null));
    expect(measured).toEqual({ values: new Map(), communities: [], tooLarge: count });
  });
});
