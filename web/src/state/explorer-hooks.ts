// Narrow views of the explorer's state: each component takes the one it needs.
import { useContext, useMemo } from 'react';
import type { Subgraph } from '../api/types.ts';
import { type MeasureView, measureCanvas } from './canvas-measures.ts';
import type { Comparison, LayoutName, SavedView, StoryPlace } from './explorer.ts';
import { DispatchContext, RequestsContext, StateContext } from './explorer-provider.tsx';
import { computeVisibility, type Filters } from './visibility.ts';

function useRequired<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`${name} is used outside <ExplorerProvider>`);
  return value;
}

function useExplorerState() {
  return useRequired(useContext(StateContext), 'The explorer state');
}

/**
 * The state as data for the graph (web/src/graph), which diffs what it draws from it: the canvas,
 * selection, highlight, layout and as-of date. Panels take the narrow hooks below.
 */
export function useGraphState() {
  return useExplorerState();
}

function useDispatch() {
  return useRequired(useContext(DispatchContext), 'The explorer state');
}

/** What the canvas holds, its history and layout, and the changes made to it by hand. */
export function useCanvas() {
  const { canvas, past, future, layout, highlight } = useExplorerState();
  const dispatch = useDispatch();
  const actions = useMemo(
    () => ({
      draw: (subgraph: Subgraph) => dispatch({ type: 'merge', subgraph }),
      hide: (ids: string[]) => dispatch({ type: 'hide', ids }),
      togglePin: (id: string) => dispatch({ type: 'pin', id }),
      clear: () => dispatch({ type: 'clear' }),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      setLayout: (next: LayoutName) => dispatch({ type: 'layout', layout: next }),
    }),
    [dispatch],
  );
  return {
    canvas,
    layout,
    highlight,
    canUndo: past.length > 0,
    canRedo: future.length > 0,
    empty: Object.keys(canvas.nodes).length === 0,
    ...actions,
  };
}

/** The selected entity or relationship (at most one of them). */
export function useSelection() {
  const { selected, selectedEdge } = useExplorerState();
  const dispatch = useDispatch();
  const actions = useMemo(
    () => ({
      select: (id: string | null) => dispatch({ type: 'select', id }),
      selectEdge: (id: string | null) => dispatch({ type: 'selectEdge', id }),
    }),
    [dispatch],
  );
  return { selected, selectedEdge, ...actions };
}

/** The legend's filters, and what they (with the as-of date) leave visible. */
export function useFilters() {
  const { canvas, filters, asOf } = useExplorerState();
  const dispatch = useDispatch();
  const visibility = useMemo(
    () => computeVisibility(canvas, filters, asOf),
    [canvas, filters, asOf],
  );
  const setFilters = useMemo(
    () => (next: Filters) => dispatch({ type: 'filters', filters: next }),
    [dispatch],
  );
  return { filters, visibility, setFilters };
}

/**
 * The measures of what the canvas shows (what the filters and the as-of date leave visible)
 * and how they are drawn; computed only while the panel is open or something is drawn by them.
 */
export function useCanvasMeasures() {
  const { canvas, measures: view } = useExplorerState();
  const { visibility } = useFilters();
  const dispatch = useDispatch();
  const wanted = view.open || view.sizeBy !== null || view.communities;
  const measured = useMemo(
    () => (wanted ? measureCanvas(canvas, visibility) : null),
    [wanted, canvas, visibility],
  );
  const setView = useMemo(
    () => (next: MeasureView) => dispatch({ type: 'measures', measures: next }),
    [dispatch],
  );
  return { view, measured, setView };
}

/** The as-of date and the two dates compared. */
export function useTime() {
  const { asOf, compare } = useExplorerState();
  const dispatch = useDispatch();
  const actions = useMemo(
    () => ({
      setAsOf: (date: string | null) => dispatch({ type: 'asOf', asOf: date }),
      setCompare: (next: Comparison) => dispatch({ type: 'compare', compare: next }),
    }),
    [dispatch],
  );
  return { asOf, compare, ...actions };
}

/** How the path finder searches: whether it leaves out hubs between the ends. */
export function usePathOptions() {
  const { avoidHubs } = useExplorerState();
  const dispatch = useDispatch();
  const setAvoidHubs = useMemo(
    () => (next: boolean) => dispatch({ type: 'avoidHubs', avoidHubs: next }),
    [dispatch],
  );
  return { avoidHubs, setAvoidHubs };
}

/** The story open and its step, and the views its steps draw. */
export function useStoryPlace() {
  const { story } = useExplorerState();
  const dispatch = useDispatch();
  const actions = useMemo(
    () => ({
      /** Opens a story at a step, or closes it (null); the address bar follows. */
      goTo: (place: StoryPlace | null) => dispatch({ type: 'story', story: place }),
      showView: (view: SavedView) => dispatch({ type: 'view', view }),
    }),
    [dispatch],
  );
  return { place: story, ...actions };
}

/** The requests that put entities and paths on the canvas, and how the last one went. */
export function useCanvasRequests() {
  return useRequired(useContext(RequestsContext), 'The canvas requests');
}
