import type { Core } from 'cytoscape';

/**
 * Past this many entities on the canvas, it is drawn for speed: straight unlabelled lines
 * (labels back on hover and selection), a lighter layout, and pan and zoom from a snapshot.
 * Below it, the curated datasets' few hundred entities keep the full drawing.
 */
export const LARGE_GRAPH_NODES = 1000;

export function isLargeGraph(nodeCount: number): boolean {
  return nodeCount > LARGE_GRAPH_NODES;
}

/** The two renderer options (given at creation) that Cytoscape reads again on every frame. */
interface ViewportOptions {
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
}

/**
 * Pan and zoom of a large canvas move a snapshot without its lines and redraw once they stop.
 * Cytoscape's types leave `renderer()` out; the options are read per frame, so they can follow
 * the canvas's size.
 */
export function setViewportMode(cy: Core, large: boolean): void {
  const renderer = (cy as Core & { renderer(): ViewportOptions }).renderer();
  renderer.hideEdgesOnViewport = large;
  renderer.textureOnViewport = large;
}
