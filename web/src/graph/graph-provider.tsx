import cytoscape, { type Core, type Position, type StylesheetJson } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ChangeKind, Ontology } from '../api/types.ts';
import type { NodeMeasureStyle } from '../state/canvas-measures.ts';
import type { ExplorerState } from '../state/explorer.ts';
import type { Visibility } from '../state/visibility.ts';
import { toElements } from './elements.ts';
import { runLayout } from './run-layout.ts';
import { isLargeGraph, setViewportMode } from './scale.ts';
import { createStylesheet } from './styles.ts';
import { type Remembered, syncGraph } from './sync.ts';
import { exposeForTests } from './test-hook.ts';
import { useCanvasEvents } from './use-canvas-events.ts';
import { useKeyboardFocus } from './use-keyboard-focus.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);

/** What components may do with the graph without importing Cytoscape. */
export interface GraphActions {
  fit(): void;
  relayout(): void;
  /** The whole graph as a PNG, or null before the canvas exists. */
  png(): Promise<Blob | null>;
  /** Where each node is drawn, in model coordinates. */
  positions(): Record<string, Position>;
  /**
   * Draws the next view where it places its entities: those drawn already move there and the
   * view pans and zooms to frame them, animated; those drawn next appear there, not laid out.
   */
  place(positions: Record<string, Position>): void;
}

/** How long a move to the next view takes; none for those who ask for reduced motion. */
const MOVE_MS = 600;
const FRAME_PADDING = 60;

function moveDuration(): number {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : MOVE_MS;
}

/** The zoom and pan that frame these points on the canvas, as `cy.fit` would frame nodes there. */
function frameOf(cy: Core, points: readonly Position[]): { zoom: number; pan: Position } | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [left, right, top, bottom] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const width = Math.max(right - left, 1);
  const height = Math.max(bottom - top, 1);
  const fit = Math.min(
    (cy.width() - 2 * FRAME_PADDING) / width,
    (cy.height() - 2 * FRAME_PADDING) / height,
  );
  const zoom = Math.min(Math.max(fit, cy.minZoom()), Math.min(cy.maxZoom(), 1.5));
  return {
    zoom,
    pan: {
      x: cy.width() / 2 - zoom * ((left + right) / 2),
      y: cy.height() / 2 - zoom * ((top + bottom) / 2),
    },
  };
}

const GraphContext = createContext<GraphActions | null>(null);

export function useGraphActions(): GraphActions {
  const actions = useContext(GraphContext);
  if (!actions) throw new Error('useGraphActions needs a <GraphProvider>');
  return actions;
}

/** Owns the one Cytoscape instance: created on mount (or renderer switch), destroyed on unmount. */
function useCytoscape(
  container: React.RefObject<HTMLDivElement | null>,
  webgl: boolean,
  remembered: Map<string, Remembered>,
  stylesheetFor: React.RefObject<(large: boolean) => StylesheetJson>,
): Core | null {
  const [cy, setCy] = useState<Core | null>(null);
  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      renderer: { name: 'canvas', webgl },
    } as cytoscape.CytoscapeOptions);
    setCy(instance);
    // Vite writes the mode into the bundle, so outside `vite build --mode test` this is `false`
    // and the hook, with everything only it imports, is dropped from the build.
    const untest =
      import.meta.env.MODE === 'test'
        ? exposeForTests(instance, (large) => stylesheetFor.current(large))
        : undefined;
    return () => {
      untest?.();
      for (const node of instance.nodes()) {
        remembered.set(node.id(), {
          position: { ...node.position() },
          dragged: node.hasClass('dragged'),
        });
      }
      instance.destroy();
      setCy(null);
    };
  }, [container, webgl, remembered, stylesheetFor]);
  return cy;
}

export interface GraphProviderProps {
  ontology: Ontology;
  state: ExplorerState;
  visibility: Visibility;
  /** What a comparison of two dates found, per relationship, to mark on the canvas. */
  changes: ReadonlyMap<string, readonly ChangeKind[]>;
  webgl: boolean;
  /** Sizes and colours of entities by the canvas's measures. */
  measureStyle: NodeMeasureStyle;
  /** Positions a shared link brought: those nodes are drawn there, not laid out. */
  initialPositions: Record<string, Position>;
  onSelect(id: string | null): void;
  onSelectEdge(id: string): void;
  onExpand(id: string): void;
  children: ReactNode;
}

/**
 * Renders the canvas (data-testid="graph"), a tab stop driven by the arrow keys with a live
 * region announcing the entity reached, and shares graph actions with its children.
 */
export function GraphProvider(props: GraphProviderProps) {
  const { ontology, state, visibility, changes, webgl, measureStyle, children } = props;
  const container = useRef<HTMLDivElement>(null);
  // Seeded once with a shared link's positions: syncGraph places remembered nodes where they
  // were instead of laying them out.
  const initialPositions = useRef(props.initialPositions);
  const remembered = useMemo(
    () =>
      new Map<string, Remembered>(
        Object.entries(initialPositions.current).map(([id, position]) => [
          id,
          { position, dragged: false },
        ]),
      ),
    [],
  );
  const stylesheetFor = useRef((large: boolean) => createStylesheet(ontology, { large }));
  stylesheetFor.current = (large) => createStylesheet(ontology, { large });
  const cy = useCytoscape(container, webgl, remembered, stylesheetFor);
  const handlers = useRef(props);
  handlers.current = props;
  const layout = useRef(state.layout);
  layout.current = state.layout;

  useCanvasEvents(cy, handlers);
  const keyboard = useKeyboardFocus(cy, ontology, handlers);
  const instructions = useId();

  // Each as-of date restyles the lines by the status in force then: each step of Play too.
  const elements = useMemo(
    () => toElements(state.canvas, state.asOf, measureStyle),
    [state.canvas, state.asOf, measureStyle],
  );
  // Declared before the diff's effect, so a canvas growing past the threshold is styled lean
  // before its new elements are added, not styled twice.
  const large = isLargeGraph(elements.nodes.length);
  const stylesheet = useMemo(() => createStylesheet(ontology, { large }), [ontology, large]);
  useEffect(() => {
    if (!cy) return;
    cy.style(stylesheet);
    setViewportMode(cy, large);
  }, [cy, stylesheet, large]);
  const { highlight } = state;
  // One element is selected at a time: a relationship or an entity.
  const selected = state.selectedEdge ?? state.selected;
  const pinned = state.canvas.pinned;
  useEffect(() => {
    if (!cy) return;
    const before = cy.nodes().length;
    const unplaced = syncGraph(
      cy,
      elements,
      { visibility, selected, highlight, pinned, changes },
      remembered,
    );
    if (unplaced.length > 0) runLayout(cy, layout.current, before > 0);
    // A first drawing with every node already placed (a shared link, a renderer switch) runs no
    // layout, so nothing else brings it into view.
    else if (before === 0 && cy.nodes().length > 0) cy.fit(cy.elements().not('.hidden'), 40);
  }, [cy, elements, visibility, selected, highlight, pinned, changes, remembered]);

  // Only a change of layout re-runs it; a new instance (renderer switch) keeps the positions.
  const applied = useRef(state.layout);
  useEffect(() => {
    if (!cy || applied.current === state.layout) return;
    applied.current = state.layout;
    runLayout(cy, state.layout, false);
  }, [cy, state.layout]);

  const fit = useCallback(() => cy?.fit(cy.elements().not('.hidden'), 40), [cy]);
  const relayout = useCallback(() => {
    if (cy) runLayout(cy, layout.current, false);
  }, [cy]);
  const png = useCallback(async () => {
    if (!cy) return null;
    return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
  }, [cy]);
  const positions = useCallback(
    () => Object.fromEntries(cy?.nodes().map((node) => [node.id(), { ...node.position() }]) ?? []),
    [cy],
  );
  const place = useCallback(
    (next: Record<string, Position>) => {
      for (const [id, position] of Object.entries(next))
        remembered.set(id, { position: { ...position }, dragged: false });
      if (!cy) return;
      const duration = moveDuration();
      cy.stop(true, true);
      for (const node of cy.nodes()) {
        const target = next[node.id()];
        if (!target) continue;
        node.stop(true, true);
        if (duration === 0) node.position({ ...target });
        else node.animate({ position: { ...target } }, { duration, easing: 'ease-in-out-cubic' });
      }
      const frame = frameOf(cy, Object.values(next));
      if (frame) {
        if (duration === 0) cy.viewport(frame);
        else cy.animate(frame, { duration, easing: 'ease-in-out-cubic' });
      }
    },
    [cy, remembered],
  );
  const actions = useMemo(
    () => ({ fit, relayout, png, positions, place }),
    [fit, relayout, png, positions, place],
  );

  return (
    <GraphContext.Provider value={actions}>
      <div
        className="graph"
        data-testid="graph"
        ref={container}
        role="application"
        aria-label="Graph of entities and relationships"
        aria-describedby={instructions}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the application role takes the arrow keys
        tabIndex={0}
        onKeyDown={keyboard.onKeyDown}
        onFocus={keyboard.onFocus}
        onBlur={keyboard.onBlur}
      />
      <p id={instructions} className="sr-only">
        Arrow keys move between entities, Enter opens the details of the one reached, Escape clears
        the selection.
      </p>
      <p className="sr-only" aria-live="polite" data-testid="graph-announcer">
        {keyboard.announcement}
      </p>
      {children}
    </GraphContext.Provider>
  );
}
