import type { Core } from 'cytoscape';

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
}

declare global {
  interface Window {
    __entente?: EntenteTestApi;
  }
}

const sorted = (ids: string[]) => ids.sort();

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
  };
  window.__entente = api;
  return () => {
    if (window.__entente === api) delete window.__entente;
  };
}
