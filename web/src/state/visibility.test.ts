import { describe, expect, it } from 'vitest';
import { COOPERATION, SUBGRAPH } from '../../../test/fixtures/api-answers.ts';
import { EMPTY_CANVAS, mergeSubgraph } from './canvas.ts';
import { computeVisibility, NO_FILTERS } from './visibility.ts';

const canvas = mergeSubgraph(EMPTY_CANVAS, SUBGRAPH);
const FREEZE = 'europol-cooperates-with-kaspersky-lab';

describe('computeVisibility', () => {
  it('at 2017-01-01 / hides the 2018 freeze and greys Kaspersky Lab, left without a tie', () => {
    const seen = computeVisibility(canvas, NO_FILTERS, '2017-01-01');
    expect(seen.hiddenEdges).toEqual(new Set([FREEZE]));
    expect(seen.greyedNodes).toEqual(new Set(['kaspersky-lab']));
  });

  it('at 2019-01-01 / shows it again', () => {
    expect(computeVisibility(canvas, NO_FILTERS, '2019-01-01').hiddenEdges.size).toBe(0);
  });

  it('hides a kind with its relationships, and relationships by type or status', () => {
    const byKind = computeVisibility(canvas, { ...NO_FILTERS, hiddenKinds: ['AGENCY'] }, null);
    expect(byKind.hiddenNodes).toEqual(new Set(['europol']));
    expect(byKind.hiddenEdges.size).toBe(2);
    const byStatus = computeVisibility(canvas, { ...NO_FILTERS, hiddenStatuses: ['FROZEN'] }, null);
    expect(byStatus.hiddenEdges).toEqual(new Set([FREEZE]));
    const byType = computeVisibility(canvas, { ...NO_FILTERS, hiddenTypes: ['FOUNDED'] }, null);
    expect(byType.greyedNodes).toEqual(new Set(['no-more-ransom']));
  });

  it("hides a dataset's relationships, greying what is left without a tie", () => {
    const seen = computeVisibility(
      canvas,
      { ...NO_FILTERS, hiddenDatasets: ['cyber-cooperation'] },
      null,
    );
    expect(seen.hiddenEdges).toEqual(new Set(['europol-founded-no-more-ransom']));
    expect(seen.hiddenNodes.size).toBe(0);
    expect(seen.greyedNodes).toEqual(new Set(['no-more-ransom']));
  });

  it('filters a status by the status in force at the date', () => {
    const both = mergeSubgraph(canvas, { ...SUBGRAPH, edges: [COOPERATION] });
    const frozen = { ...NO_FILTERS, hiddenStatuses: ['FROZEN'] };
    expect(computeVisibility(both, frozen, '2017-01-01').hiddenEdges.has(COOPERATION.id)).toBe(
      false,
    );
    expect(computeVisibility(both, frozen, '2019-01-01').hiddenEdges.has(COOPERATION.id)).toBe(
      true,
    );
  });
});
