import { describe, expect, it } from 'vitest';
import { COOPERATION, SUBGRAPH } from '../../../test/fixtures/api-answers.ts';
import { EMPTY_CANVAS, mergeSubgraph } from './canvas.ts';
import { monthRange } from './months.ts';
import { earliestStart, laneEdges, laneOf, lanesRange } from './timeline.ts';

const undated: typeof COOPERATION = {
  ...COOPERATION,
  id: 'europol-cooperates-with-no-more-ransom',
  since: null,
  to: SUBGRAPH.nodes[2] ?? COOPERATION.to,
  history: [
    { status: 'ACTIVE', since: null, until: null, note: null, dataset: null, evidence: [] },
  ],
};
const canvas = mergeSubgraph(EMPTY_CANVAS, {
  ...SUBGRAPH,
  edges: [...SUBGRAPH.edges, COOPERATION, undated],
});
const range = monthRange({ earliest: '2016-01-01', latest: '2019-12-31' }, new Date('2019-12-01'));

describe('laneEdges', () => {
  it("lists the selected entity's relationships, earliest first, undated last", () => {
    expect(laneEdges(canvas, 'no-more-ransom', new Set()).map((e) => e.id)).toEqual([
      'europol-founded-no-more-ransom',
      'europol-cooperates-with-no-more-ransom',
    ]);
  });

  it("with nothing selected / lists the whole canvas's, leaving out what the filters hide", () => {
    const hidden = new Set(['europol-founded-no-more-ransom']);
    expect(laneEdges(canvas, null, hidden).map((e) => e.id)).toEqual([
      'kaspersky-lab-cooperates-with-europol',
      'europol-cooperates-with-kaspersky-lab',
      'europol-cooperates-with-no-more-ransom',
    ]);
  });
});

describe('laneOf', () => {
  it('draws each phase of the history over its dates, the last open when it still holds', () => {
    const edge = canvas.edges[COOPERATION.id];
    if (!edge) throw new Error('no edge');
    const lane = laneOf(edge, canvas, range);
    expect(lane.text).toBe('Kaspersky Lab cooperates with Europol');
    const [active, frozen] = lane.bars;
    expect(lane.bars.map((bar) => bar.status)).toEqual(['ACTIVE', 'FROZEN']);
    expect(active?.start).toBeCloseTo((31 + 29 + 31 + 30 + 31 + 30 + 24) / 1461, 3);
    expect(active?.end).toBe(frozen?.start);
    expect(frozen).toMatchObject({ end: 1, openStart: false, openEnd: true });
    expect(active).toMatchObject({ openStart: false, openEnd: false });
  });

  it('opens an undated start out to the beginning of the axis', () => {
    const edge = canvas.edges[undated.id];
    if (!edge) throw new Error('no edge');
    expect(laneOf(edge, canvas, range).bars).toMatchObject([
      { start: 0, end: 1, openStart: true, openEnd: true },
    ]);
  });

  it('without a history / draws the relationship as one phase in its status', () => {
    const edge = canvas.edges['europol-founded-no-more-ransom'];
    if (!edge) throw new Error('no edge');
    const lane = laneOf({ ...edge, history: [], until: '2018' }, canvas, range);
    expect(lane.bars).toMatchObject([{ status: 'ACTIVE', openEnd: false }]);
    expect(lane.bars[0]?.end).toBeCloseTo(0.75, 2);
  });
});

describe('earliestStart', () => {
  it('is the first day a relationship on the canvas begins', () => {
    expect(earliestStart(canvas)).toBe('2016-07-25');
    expect(earliestStart(EMPTY_CANVAS)).toBeNull();
  });
});

describe('lanesRange', () => {
  const whole = monthRange({ earliest: '1789-03-04', latest: '2019' }, new Date('2019-12-01'));

  it('spans the dates the lanes hold, up to now', () => {
    const edges = laneEdges(canvas, 'kaspersky-lab', new Set());
    expect(lanesRange(edges, whole, new Date('2019-12-01'))).toEqual({
      firstYear: 2016,
      count: 48,
    });
  });

  it('without dates / is the whole range', () => {
    const edge = canvas.edges[undated.id];
    expect(lanesRange(edge ? [edge] : [], whole)).toBe(whole);
  });
});
