import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { isAbort } from '../api/client.ts';
import { fetchNeighborhood, fetchPaths, fetchSubgraph } from '../api/queries.ts';
import type { Path, Subgraph } from '../api/types.ts';
import { explorerReducer, INITIAL_STATE } from './explorer.ts';
import { fragmentToView, type SharedView, viewToFragment } from './url.ts';
import { computeVisibility } from './visibility.ts';

/** The outcome of the last request that changed the canvas, for the status bar. */
export interface TaskStatus {
  loading: string | null;
  error: { message: string; retry: () => void } | null;
}

/** Path finder results: the paths and which are the shortest. */
export interface PathResult {
  from: string;
  to: string;
  /** The date the paths hold at, which each hop's status is read at. */
  asOf: string | null;
  paths: Path[];
}

function pathsToSubgraph(paths: Path[]): Subgraph {
  const nodes = new Map(paths.flatMap((path) => path.nodes).map((node) => [node.id, node]));
  const edges = new Map(paths.flatMap((path) => path.edges).map((edge) => [edge.id, edge]));
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    hubs: [],
    truncated: false,
  };
}

/** The explorer's state, the requests that change it, and the URL that mirrors it. */
export function useExplorer() {
  const initialView = useMemo<SharedView>(
    () => fragmentToView(window.location.hash || window.location.search),
    [],
  );
  const [state, dispatch] = useReducer(explorerReducer, initialView, (view) => ({
    ...INITIAL_STATE,
    filters: view.filters,
    asOf: view.asOf,
    compare: view.compare,
    layout: view.layout,
  }));
  const [status, setStatus] = useState<TaskStatus>({ loading: null, error: null });
  const [pathResult, setPathResult] = useState<PathResult | null>(null);

  const run = useCallback(async (label: string, task: () => Promise<void>): Promise<void> => {
    setStatus({ loading: label, error: null });
    try {
      await task();
      setStatus({ loading: null, error: null });
    } catch (error) {
      if (isAbort(error)) return;
      const message = error instanceof Error ? error.message : String(error);
      setStatus({
        loading: null,
        error: { message: `${label} failed: ${message}`, retry: () => void run(label, task) },
      });
    }
  }, []);

  const addEntity = useCallback(
    (id: string, name = id) =>
      run(`Loading ${name}`, async () => {
        const subgraph = await fetchNeighborhood([id]);
        dispatch({ type: 'merge', subgraph, select: id });
      }),
    [run],
  );

  const expand = useCallback(
    (id: string) =>
      run('Expanding', async () => {
        const subgraph = await fetchNeighborhood([id]);
        dispatch({ type: 'merge', subgraph });
      }),
    [run],
  );

  const findPaths = useCallback(
    (from: string, to: string, asOf: string | null) =>
      run('Finding paths', async () => {
        const paths = await fetchPaths(from, to, asOf);
        setPathResult({ from, to, asOf, paths });
        const shortest = paths.filter((path) => path.length === paths[0]?.length);
        dispatch({
          type: 'merge',
          subgraph: pathsToSubgraph(paths),
          highlight: {
            nodeIds: shortest.flatMap((path) => path.nodes.map((node) => node.id)),
            edgeIds: shortest.flatMap((path) => path.edges.map((edge) => edge.id)),
          },
        });
      }),
    [run],
  );

  const clearPaths = useCallback(() => {
    setPathResult(null);
    dispatch({ type: 'highlight', highlight: null });
  }, []);

  // A shared link: fetch the entities it names with every relationship among them.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || initialView.ids.length === 0) return;
    restored.current = true;
    void run('Opening the shared view', async () => {
      const subgraph = await fetchSubgraph(initialView.ids);
      dispatch({
        type: 'merge',
        subgraph,
        select: initialView.selected ?? undefined,
      });
      const edge = initialView.selectedEdge;
      if (edge && subgraph.edges.some((item) => item.id === edge))
        dispatch({ type: 'selectEdge', id: edge });
    });
  }, [initialView, run]);

  const ids = useMemo(() => Object.keys(state.canvas.nodes), [state.canvas.nodes]);
  useEffect(() => {
    // Until a shared view has loaded, keep its URL as it is.
    if (initialView.ids.length > 0 && ids.length === 0 && status.loading) return;
    const fragment = viewToFragment({
      ids,
      selected: state.selected,
      selectedEdge: state.selectedEdge,
      asOf: state.asOf,
      compare: state.compare,
      filters: state.filters,
      layout: state.layout,
      // The address bar follows the view, not every drag; "Copy link" adds the positions.
      positions: {},
    });
    if (fragment !== window.location.hash || window.location.search !== '') {
      window.history.replaceState(null, '', `${window.location.pathname}${fragment}`);
    }
  }, [
    ids,
    state.selected,
    state.selectedEdge,
    state.asOf,
    state.compare,
    state.filters,
    state.layout,
    initialView,
    status.loading,
  ]);

  const visibility = useMemo(
    () => computeVisibility(state.canvas, state.filters, state.asOf),
    [state.canvas, state.filters, state.asOf],
  );

  return {
    state,
    dispatch,
    /** Where a shared link drew its entities, to draw them there again. */
    initialPositions: initialView.positions,
    status,
    visibility,
    pathResult,
    addEntity,
    expand,
    findPaths,
    clearPaths,
    dismissError: () => setStatus((s) => ({ ...s, error: null })),
  };
}

export type Explorer = ReturnType<typeof useExplorer>;
