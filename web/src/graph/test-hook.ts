import type { Core } from 'cytoscape';
import type { Subgraph } from '../api/types.ts';
import { EMPTY_CANVAS, mergeSubgraph } from '../state/canvas.ts';
import type { LayoutName } from '../state/explorer.ts';
import { computeVisibility, NO_FILTERS } from '../state/visibility.ts';
import { toElements } from './elements.ts';
import { runLayout } from './run-layout.ts';
import { syncGraph } from './sync.ts';

/**
 * The test and automation API: `window.__entente` reads what the canvas shows without reaching
 * into Cytoscape. Stable for browser tests; not for application code.
 */
export interface EntenteTestApi {
  nodeIds(): string[];
  edgeIds(): string[];
  visibleNodeIds(): string[];
  visibleEdgeIds(): string[];
  greyedNodeIds(): string[];
  highlightedEdgeIds(): string[];
  /** Screen position of a node's centre relative to the canvas container, for clicks. */
  renderedPosition(id: string): { x: number; y: number } | null;
  position(id: string): { x: number; y: number } | null;
  /** Screen position of the middle of a relationship's line, for clicks. */
  edgeMidpoint(id: string): { x: number; y: number } | null;
  /**
   * For the front-end benchmark: empties the canvas, then draws a subgraph the way a first fetch
   * is drawn and resolves once the layout has stopped and a frame has been painted.
   */
  renderSubgraph(subgraph: Subgraph, options: { layout: LayoutName }): Promise<RenderTiming>;
}

/** What a benchmark render took and drew. */
export interface RenderTiming {
  ms: number;
  /** Of which: canvas state, visibility and Cytoscape element definitions, before Cytoscape. */
  prepareMs: number;
  /** Of which: the layout, from its start to `layoutstop`. */
  layoutMs: number;
  nodes: number;
  edges: number;
}

declare global {
  interface Window {
    __entente?: EntenteTestApi;
  }
}

const sorted = (ids: string[]) => ids.sort();

/** Two animation frames: the renderer draws in the first, the second starts after it painted. */
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );

/**
 * The path of a neighbourhood fetch arriving on an empty canvas (reducer merge, visibility,
 * element conversion, the batched diff, the layout) with the same functions the graph provider
 * calls, timed until the first frame after the layout. React state is left alone: the provider
 * re-syncs only when that changes, so the benchmark must own the page.
 */
async function renderSubgraph(
  cy: Core,
  subgraph: Subgraph,
  layout: LayoutName,
): Promise<RenderTiming> {
  cy.elements().remove();
  await painted();
  const start = performance.now();
  const canvas = mergeSubgraph(EMPTY_CANVAS, subgraph);
  const visibility = computeVisibility(canvas, NO_FILTERS, null);
  const elements = toElements(canvas);
  const prepared = performance.now();
  const state = { visibility, selected: null, highlight: null, pinned: canvas.pinned };
  const unplaced = syncGraph(cy, elements, state, new Map());
  const laying = performance.now();
  let layoutMs = 0;
  if (unplaced.length > 0) {
    // Listening before the layout runs: grid, and fCoSE without animation, stop synchronously.
    const stopped = new Promise<void>((resolve) => cy.one('layoutstop', () => resolve()));
    runLayout(cy, layout, false);
    await stopped;
    layoutMs = performance.now() - laying;
  }
  await painted();
  return {
    ms: performance.now() - start,
    prepareMs: prepared - start,
    layoutMs,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
  };
}

export function exposeForTests(cy: Core): () => void {
  const api: EntenteTestApi = {
    nodeIds: () => sorted(cy.nodes().map((n) => n.id())),
    edgeIds: () => sorted(cy.edges().map((e) => e.id())),
    visibleNodeIds: () =>
      sorted(
        cy
          .nodes()
          .filter((n) => n.visible())
          .map((n) => n.id()),
      ),
    visibleEdgeIds: () =>
      sorted(
        cy
          .edges()
          .filter((e) => e.visible())
          .map((e) => e.id()),
      ),
    greyedNodeIds: () => sorted(cy.nodes('.greyed').map((n) => n.id())),
    highlightedEdgeIds: () => sorted(cy.edges('.path').map((e) => e.id())),
    renderedPosition: (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() ? { ...node.renderedPosition() } : null;
    },
    position: (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() ? { ...node.position() } : null;
    },
    edgeMidpoint: (id) => {
      const edge = cy.getElementById(id);
      return edge.nonempty() && edge.isEdge() ? { ...edge.renderedMidpoint() } : null;
    },
    renderSubgraph: (subgraph, { layout }) => renderSubgraph(cy, subgraph, layout),
  };
  window.__entente = api;
  return () => {
    if (window.__entente === api) delete window.__entente;
  };
}
