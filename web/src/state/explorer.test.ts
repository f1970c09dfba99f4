import { describe, expect, it } from 'vitest';
import { SUBGRAPH } from '../../../test/fixtures/api-answers.ts';
import { explorerReducer, INITIAL_STATE } from './explorer.ts';

describe('explorerReducer', () => {
  const loaded = explorerReducer(INITIAL_STATE, {
    type: 'merge',
    subgraph: SUBGRAPH,
    select: 'kaspersky-lab',
  });

  it('hides an entity with its relationships, and undo/redo brings it back and away', () => {
    const hidden = explorerReducer(loaded, { type: 'hide', ids: ['europol'] });
    expect(Object.keys(hidden.canvas.nodes)).not.toContain('europol');
    expect(Object.keys(hidden.canvas.edges)).toEqual([]);
    const undone = explorerReducer(hidden, { type: 'undo' });
    expect(undone.canvas).toBe(loaded.canvas);
    expect(explorerReducer(undone, { type: 'redo' }).canvas).toBe(hidden.canvas);
  });

  it('selects an entity or a relationship, never both', () => {
    const edge = explorerReducer(loaded, {
      type: 'selectEdge',
      id: 'europol-founded-no-more-ransom',
    });
    expect([edge.selected, edge.selectedEdge]).toEqual([null, 'europol-founded-no-more-ransom']);
    const node = explorerReducer(edge, { type: 'select', id: 'europol' });
    expect([node.selected, node.selectedEdge]).toEqual(['europol', null]);
  });

  it('when a selected relationship leaves the canvas / drops the selection', () => {
    const edge = explorerReducer(loaded, {
      type: 'selectEdge',
      id: 'europol-founded-no-more-ransom',
    });
    expect(explorerReducer(edge, { type: 'hide', ids: ['europol'] }).selectedEdge).toBeNull();
    expect(explorerReducer(edge, { type: 'hide', ids: ['kaspersky-lab'] }).selectedEdge).toBe(
      'europol-founded-no-more-ransom',
    );
  });

  it('when clearing / keeps pinned entities', () => {
    const pinned = explorerReducer(loaded, { type: 'pin', id: 'europol' });
    const cleared = explorerReducer(pinned, { type: 'clear' });
    expect(Object.keys(cleared.canvas.nodes)).toEqual(['europol']);
    expect(cleared.selected).toBeNull();
  });

  it('draws a saved view in place of the canvas, with its date, selection and highlight; undo brings the canvas back', () => {
    const filtered = explorerReducer(loaded, {
      type: 'filters',
      filters: { ...loaded.filters, hiddenKinds: ['COMPANY'] },
    });
    const europol = SUBGRAPH.nodes.filter((node) => node.id === 'europol');
    const shown = explorerReducer(filtered, {
      type: 'view',
      view: {
        subgraph: { ...SUBGRAPH, nodes: europol, edges: [] },
        asOf: '2018-06-13',
        selected: 'europol',
        selectedEdge: null,
        highlight: { nodeIds: ['europol'], edgeIds: [] },
      },
    });
    expect(Object.keys(shown.canvas.nodes)).toEqual(['europol']);
    expect([shown.asOf, shown.selected]).toEqual(['2018-06-13', 'europol']);
    expect(shown.highlight?.nodeIds).toEqual(['europol']);
    expect(shown.filters.hiddenKinds).toEqual([]);
    expect(explorerReducer(shown, { type: 'undo' }).canvas).toBe(loaded.canvas);
  });
});
