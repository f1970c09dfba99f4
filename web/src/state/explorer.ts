import type { Subgraph } from '../api/types.ts';
import {
  type Canvas,
  clearUnpinned,
  EMPTY_CANVAS,
  mergeSubgraph,
  removeNodes,
  togglePinned,
} from './canvas.ts';
import { type MeasureView, NO_MEASURE_VIEW } from './canvas-measures.ts';
import { type Filters, NO_FILTERS } from './visibility.ts';

export type LayoutName = 'fcose' | 'concentric' | 'dagre' | 'grid';

/** Human names for the layout picker. */
export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'Force-directed (fCoSE)',
  concentric: 'Concentric (by degree)',
  dagre: 'Breadth-first (dagre)',
  grid: 'Grid',
};

/** Two dates to compare: what started, ended or changed status after `from` and by `to`. */
export interface Comparison {
  from: string | null;
  to: string | null;
}

export const NO_COMPARISON: Comparison = { from: null, to: null };

/** The shortest paths the path finder highlights. */
export interface Highlight {
  nodeIds: string[];
  edgeIds: string[];
}

/** The story open and the step shown (from 0). */
export interface StoryPlace {
  id: string;
  step: number;
}

/** A saved view drawn whole in place of the canvas: a story's step. */
export interface SavedView {
  subgraph: Subgraph;
  asOf: string | null;
  selected: string | null;
  selectedEdge: string | null;
  highlight: Highlight | null;
}

export interface ExplorerState {
  canvas: Canvas;
  /** Earlier canvases for undo, newest last; redo holds the undone ones. */
  past: Canvas[];
  future: Canvas[];
  /** The entity whose details show; at most one of it and selectedEdge is set. */
  selected: string | null;
  /** The relationship whose details show. */
  selectedEdge: string | null;
  filters: Filters;
  asOf: string | null;
  compare: Comparison;
  layout: LayoutName;
  highlight: Highlight | null;
  /** The path finder leaves out hubs (server/src/domain/paths.ts) between the two ends. */
  avoidHubs: boolean;
  /** What the canvas's measures size and colour, and whether their panel is open. */
  measures: MeasureView;
  story: StoryPlace | null;
}

export const INITIAL_STATE: ExplorerState = {
  canvas: EMPTY_CANVAS,
  past: [],
  future: [],
  selected: null,
  selectedEdge: null,
  filters: NO_FILTERS,
  asOf: null,
  compare: NO_COMPARISON,
  layout: 'fcose',
  highlight: null,
  avoidHubs: true,
  measures: NO_MEASURE_VIEW,
  story: null,
};

export type ExplorerAction =
  | { type: 'merge'; subgraph: Subgraph; select?: string; highlight?: Highlight }
  | { type: 'hide'; ids: string[] }
  | { type: 'clear' }
  | { type: 'pin'; id: string }
  | { type: 'select'; id: string | null }
  | { type: 'selectEdge'; id: string | null }
  | { type: 'filters'; filters: Filters }
  | { type: 'asOf'; asOf: string | null }
  | { type: 'compare'; compare: Comparison }
  | { type: 'layout'; layout: LayoutName }
  | { type: 'highlight'; highlight: Highlight | null }
  | { type: 'avoidHubs'; avoidHubs: boolean }
  | { type: 'measures'; measures: MeasureView }
  | { type: 'story'; story: StoryPlace | null }
  | { type: 'view'; view: SavedView }
  | { type: 'undo' }
  | { type: 'redo' };

const HISTORY = 50;

function withCanvas(state: ExplorerState, canvas: Canvas): ExplorerState {
  if (canvas === state.canvas) return state;
  const selected = state.selected && canvas.nodes[state.selected] ? state.selected : null;
  const selectedEdge =
    state.selectedEdge && canvas.edges[state.selectedEdge] ? state.selectedEdge : null;
  return {
    ...state,
    canvas,
    selected,
    selectedEdge,
    past: [...state.past, state.canvas].slice(-HISTORY),
    future: [],
  };
}

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case 'merge': {
      const next = withCanvas(state, mergeSubgraph(state.canvas, action.subgraph));
      return {
        ...next,
        selected: action.select ?? next.selected,
        selectedEdge: action.select ? null : next.selectedEdge,
        highlight: action.highlight ?? next.highlight,
      };
    }
    case 'hide':
      return { ...withCanvas(state, removeNodes(state.canvas, action.ids)), highlight: null };
    case 'clear':
      return { ...withCanvas(state, clearUnpinned(state.canvas)), highlight: null };
    case 'pin':
      return { ...state, canvas: togglePinned(state.canvas, action.id) };
    case 'select':
      return { ...state, selected: action.id, selectedEdge: null };
    case 'selectEdge':
      return { ...state, selectedEdge: action.id, selected: null };
    case 'filters':
      return { ...state, filters: action.filters };
    case 'asOf':
      return { ...state, asOf: action.asOf };
    case 'compare':
      return { ...state, compare: action.compare };
    case 'layout':
      return { ...state, layout: action.layout };
    case 'highlight':
      return { ...state, highlight: action.highlight };
    case 'avoidHubs':
      return { ...state, avoidHubs: action.avoidHubs };
    case 'measures':
      return { ...state, measures: action.measures };
    case 'story':
      return { ...state, story: action.story };
    case 'view': {
      // The view replaces the canvas (undo brings the earlier one back) and its dates and
      // filters, so it shows what was saved; the pins go, since the view places everything.
      const { subgraph, asOf, selected, selectedEdge, highlight } = action.view;
      const next = withCanvas(state, mergeSubgraph(EMPTY_CANVAS, subgraph));
      return {
        ...next,
        selected: selected && next.canvas.nodes[selected] ? selected : null,
        selectedEdge: selectedEdge && next.canvas.edges[selectedEdge] ? selectedEdge : null,
        asOf,
        compare: NO_COMPARISON,
        filters: NO_FILTERS,
        highlight,
      };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        ...state,
        canvas: previous,
        past: state.past.slice(0, -1),
        future: [state.canvas, ...state.future],
        highlight: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return {
        ...state,
        canvas: next,
        past: [...state.past, state.canvas],
        future: rest,
        highlight: null,
      };
    }
  }
}
