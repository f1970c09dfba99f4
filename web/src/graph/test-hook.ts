import type { Core, EdgeSingular, SingularElementArgument, StylesheetJson } from 'cytoscape';
import type { Subgraph } from '../api/types.ts';
import { EMPTY_CANVAS, mergeSubgraph } from '../state/canvas.ts';
import type { LayoutName } from '../state/explorer.ts';
import { computeVisibility, NO_FILTERS } from '../state/visibility.ts';
import { toElements } from './elements.ts';
import { runLayout } from './run-layout.ts';
import { isLargeGraph, setViewportMode } from './scale.ts';
import { FOCUSED_CLASS } from './styles.ts';
import { CHANGE_CLASSES, syncGraph } from './sync.ts';

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
  /** The entity the arrow keys are on, while the canvas has the keyboard focus. */
  focusedNodeId(): string | null;
  /** How a relationship's line is drawn: the status it is styled by, and the look that gives. */
  edgeLook(id: string): EdgeLook | null;
  /** The relationships a comparison marks, by the class it gives them. */
  changedEdgeIds(): Record<string, string[]>;
  /** How an entity is drawn: its width in model pixels and its fill colour (`rgb(r,g,b)`). */
  nodeLook(id: string): { width: number; colour: string } | null;
  /** Screen position of a node's centre relative to the canvas container, for clicks. */
  renderedPosition(id: string): { x: number; y: number } | null;
  position(id: string): { x: number; y: number } | null;
  /** A screen point on a relationship's line clear of entities and other lines, for clicks. */
  edgeClickPoint(id: string): { x: number; y: number } | null;
  /** The canvas's size on screen, the frame `renderedPosition` is in. */
  canvasSize(): { width: number; height: number };
  /** Whether the renderer draws an element's label at the current zoom. */
  labelDrawn(id: string): boolean;
  /** The label an element is drawn with, or null when it is not drawn. */
  labelOf(id: string): string | null;
  /** Zooms to a level with the node at the canvas's centre. */
  zoomOn(id: string, level: number): void;
  /**
   * For the front-end benchmark: empties the canvas, then draws a subgraph the way a first fetch
   * is drawn and resolves once the layout has stopped and a frame has been painted.
   */
  renderSubgraph(subgraph: Subgraph, options: { layout: LayoutName }): Promise<RenderTiming>;
}

/** A line's drawn look. */
export interface EdgeLook {
  status: string;
  opacity: number;
  lineStyle: string;
  /** Cytoscape's curve style: `bezier`, or `haystack` for a large canvas's straight lines. */
  curveStyle: string;
}

/** The renderer's own test of whether a label is large enough at this zoom to be drawn. */
interface LabelRenderer {
  eleTextBiggerThanMin(element: SingularElementArgument): boolean;
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

type Point = { x: number; y: number };

/** An edge's line as the quadratic curve through its two rendered ends and rendered midpoint. */
function curveOf(edge: EdgeSingular): (t: number) => Point {
  const [from, middle, to] = [
    edge.renderedSourceEndpoint(),
    edge.renderedMidpoint(),
    edge.renderedTargetEndpoint(),
  ];
  const control = {
    x: 2 * middle.x - (from.x + to.x) / 2,
    y: 2 * middle.y - (from.y + to.y) / 2,
  };
  return (t) => ({
    x: (1 - t) ** 2 * from.x + 2 * (1 - t) * t * control.x + t ** 2 * to.x,
    y: (1 - t) ** 2 * from.y + 2 * (1 - t) * t * control.y + t ** 2 * to.y,
  });
}

/**
 * The point of an edge's line with the most room around it: the farthest from every visible
 * entity (labels included) and from every other visible line, so a click there cannot land on
 * a neighbour, however the layout fell out.
 */
function clearPointOn(cy: Core, edge: EdgeSingular): Point {
  const boxes = cy
    .nodes(':visible')
    .map((node) => node.renderedBoundingBox({ includeLabels: true }));
  const samples = [...Array(21).keys()].map((i) => i / 20);
  const others: Point[] = [];
  cy.edges(':visible')
    .not(edge)
    .forEach((other) => {
      others.push(...samples.map(curveOf(other)));
    });
  const room = ({ x, y }: Point) =>
    Math.min(
      ...boxes.map((box) =>
        Math.hypot(Math.max(box.x1 - x, 0, x - box.x2), Math.max(box.y1 - y, 0, y - box.y2)),
      ),
      ...others.map((point) => Math.hypot(point.x - x, point.y - y)),
    );
  const line = curveOf(edge);
  const candidates = [...Array(15).keys()].map((i) => line(0.15 + i * 0.05));
  return candidates.reduce((best, point) => (room(point) > room(best) ? point : best));
}

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
  stylesheetFor: (large: boolean) => StylesheetJson,
  subgraph: Subgraph,
  layout: LayoutName,
): Promise<RenderTiming> {
  cy.elements().remove();
  await painted();
  const start = performance.now();
  const canvas = mergeSubgraph(EMPTY_CANVAS, subgraph);
  const visibility = computeVisibility(canvas, NO_FILTERS, null);
  const elements = toElements(canvas);
  const large = isLargeGraph(elements.nodes.length);
  cy.style(stylesheetFor(large));
  setViewportMode(cy, large);
  const prepared = performance.now();
  const state = {
    visibility,
    selected: null,
    highlight: null,
    pinned: canvas.pinned,
    changes: new Map(),
  };
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

/** `stylesheetFor` is the canvas's stylesheet for a small or a large graph, as the provider sets it. */
export function exposeForTests(
  cy: Core,
  stylesheetFor: (large: boolean) => StylesheetJson,
): () => void {
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
    focusedNodeId: () => cy.nodes(`.${FOCUSED_CLASS}`).first().id() ?? null,
    edgeLook: (id) => {
      const edge = cy.getElementById(id);
      if (edge.empty()) return null;
      return {
        status: edge.data('status') as string,
        opacity: Number(edge.style('opacity')),
        lineStyle: String(edge.style('line-style')),
        curveStyle: String(edge.style('curve-style')),
      };
    },
    changedEdgeIds: () =>
      Object.fromEntries(
        Object.values(CHANGE_CLASSES).map((name) => [
          name,
          sorted(cy.edges(`.${name}`).map((e) => e.id())),
        ]),
      ),
    nodeLook: (id) => {
      const node = cy.getElementById(id);
      if (node.empty()) return null;
      return { width: node.width(), colour: String(node.style('background-color')) };
    },
    renderedPosition: (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() ? { ...node.renderedPosition() } : null;
    },
    position: (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() ? { ...node.position() } : null;
    },
    edgeClickPoint: (id) => {
      const edge = cy.getElementById(id);
      return edge.nonempty() && edge.isEdge() ? clearPointOn(cy, edge) : null;
    },
    canvasSize: () => ({ width: cy.width(), height: cy.height() }),
    labelDrawn: (id) => {
      const element = cy.getElementById(id);
      if (element.empty() || !element.style('label')) return false;
      const renderer = (cy as Core & { renderer(): LabelRenderer }).renderer();
      return renderer.eleTextBiggerThanMin(element);
    },
    labelOf: (id) => {
      const element = cy.getElementById(id);
      return element.nonempty() ? String(element.data('label')) : null;
    },
    zoomOn: (id, level) => {
      const node = cy.getElementById(id);
      cy.zoom(level);
      cy.center(node);
    },
    renderSubgraph: (subgraph, { layout }) => renderSubgraph(cy, stylesheetFor, subgraph, layout),
  };
  window.__entente = api;
  return () => {
    if (window.__entente === api) delete window.__entente;
  };
}
