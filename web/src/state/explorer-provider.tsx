// The explorer's state, shared through context: the pure reducer (explorer.ts), the requests that
// change the canvas (through the query cache), and the address bar that mirrors it. Components
// read it through the narrow hooks in explorer-hooks.ts.
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type Dispatch,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { MAX_SUBGRAPH_IDS } from '../../../server/src/domain/limits.ts';
import { isAbort } from '../api/client.ts';
import type { Path, Subgraph } from '../api/types.ts';
import { canvasReads } from '../api/use-queries.ts';
import {
  type ExplorerAction,
  type ExplorerState,
  explorerReducer,
  INITIAL_STATE,
} from './explorer.ts';
import type { Point } from './url.ts';
import { readInitialView, useUrlSync } from './use-url-sync.ts';

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
  /** Whether the paths pass through no hub. */
  avoidHubs: boolean;
  paths: Path[];
}

/** The requests that change the canvas, and how the last one went. */
export interface CanvasRequests {
  status: TaskStatus;
  pathResult: PathResult | null;
  addEntity(id: string, name?: string): Promise<void>;
  expand(id: string): Promise<void>;
  /**
   * Draws the canvas again after a curator's write: `gone` entities are taken off, `added` ones
   * put on, and every relationship among what is drawn is read anew (a merge moves them).
   */
  redraw(gone: readonly string[], added: readonly string[]): Promise<void>;
  findPaths(from: string, to: string, asOf: string | null, avoidHubs: boolean): Promise<void>;
  clearPaths(): void;
  dismissError(): void;
  /** Where a shared link drew its entities, to draw them there again. */
  initialPositions: Record<string, Point>;
}

export const StateContext = createContext<ExplorerState | null>(null);
export const DispatchContext = createContext<Dispatch<ExplorerAction> | null>(null);
export const RequestsContext = createContext<CanvasRequests | null>(null);

function pathsToSubgraph(paths: Path[]): Subgraph {
  const nodes = new Map(paths.flatMap((path) => path.nodes).map((node) => [node.id, node]));
  const edges = new Map(paths.flatMap((path) => path.edges).map((edge) => [edge.id, edge]));
  return { nodes: [...nodes.values()], edges: [...edges.values()], hubs: [], truncated: false };
}

export function ExplorerProvider({ children }: { children: ReactNode }) {
  const initialView = useMemo(readInitialView, []);
  const [state, dispatch] = useReducer(explorerReducer, initialView, (view) => ({
    ...INITIAL_STATE,
    filters: view.filters,
    asOf: view.asOf,
    compare: view.compare,
    layout: view.layout,
    avoidHubs: view.avoidHubs,
    measures: { ...INITIAL_STATE.measures, ...view.measures },
    story: view.story,
  }));
  const [status, setStatus] = useState<TaskStatus>({ loading: null, error: null });
  const [pathResult, setPathResult] = useState<PathResult | null>(null);
  const client = useQueryClient();
  const reads = useMemo(() => canvasReads(client), [client]);

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
        dispatch({ type: 'merge', subgraph: await reads.neighborhood(id), select: id });
      }),
    [run, reads],
  );

  const expand = useCallback(
    (id: string) =>
      run('Expanding', async () => {
        dispatch({ type: 'merge', subgraph: await reads.neighborhood(id) });
      }),
    [run, reads],
  );

  const drawn = useRef(state.canvas);
  drawn.current = state.canvas;
  const redraw = useCallback(
    (gone: readonly string[], added: readonly string[]) =>
      run('Redrawing', async () => {
        const left = Object.keys(drawn.current.nodes).filter((id) => !gone.includes(id));
        if (gone.length > 0) dispatch({ type: 'hide', ids: [...gone] });
        const ids = [...new Set([...added, ...left])].slice(0, MAX_SUBGRAPH_IDS);
        if (ids.length > 0) dispatch({ type: 'merge', subgraph: await reads.subgraph(ids) });
      }),
    [run, reads],
  );

  const findPaths = useCallback(
    (from: string, to: string, asOf: string | null, avoidHubs: boolean) =>
      run('Finding paths', async () => {
        const paths = await reads.paths(from, to, asOf, avoidHubs);
        setPathResult({ from, to, asOf, avoidHubs, paths });
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
    [run, reads],
  );

  const clearPaths = useCallback(() => {
    setPathResult(null);
    dispatch({ type: 'highlight', highlight: null });
  }, []);

  // A shared link: fetch the entities it names with every relationship among them. A link to a
  // story's step is drawn by the story's player instead.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || initialView.ids.length === 0 || initialView.story) return;
    restored.current = true;
    void run('Opening the shared view', async () => {
      const subgraph = await reads.subgraph(initialView.ids);
      dispatch({ type: 'merge', subgraph, select: initialView.selected ?? undefined });
      const edge = initialView.selectedEdge;
      if (edge && subgraph.edges.some((item) => item.id === edge))
        dispatch({ type: 'selectEdge', id: edge });
    });
  }, [initialView, run, reads]);

  const empty = Object.keys(state.canvas.nodes).length === 0;
  useUrlSync(state, initialView.ids.length > 0 && empty && status.loading !== null);

  const requests = useMemo<CanvasRequests>(
    () => ({
      status,
      pathResult,
      addEntity,
      expand,
      redraw,
      findPaths,
      clearPaths,
      dismissError: () => setStatus((s) => ({ ...s, error: null })),
      initialPositions: initialView.positions,
    }),
    [status, pathResult, addEntity, expand, redraw, findPaths, clearPaths, initialView],
  );

  return (
    <DispatchContext.Provider value={dispatch}>
      <RequestsContext.Provider value={requests}>
        <StateContext.Provider value={state}>{children}</StateContext.Provider>
      </RequestsContext.Provider>
    </DispatchContext.Provider>
  );
}
