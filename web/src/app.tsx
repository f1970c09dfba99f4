import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchOntology } from './api/queries.ts';
import type { Ontology } from './api/types.ts';
import { ComparePanel } from './components/compare-panel.tsx';
import { DetailsPanel } from './components/details-panel.tsx';
import { FiltersPanel } from './components/filters.tsx';
import { OntologyContext } from './components/ontology.tsx';
import { type PathEnd, PathFinder } from './components/path-finder.tsx';
import { Search } from './components/search.tsx';
import { StatusBar } from './components/status-bar.tsx';
import { TimeSlider } from './components/time-slider.tsx';
import { Timeline } from './components/timeline.tsx';
import { Toolbar } from './components/toolbar.tsx';
import { GraphProvider } from './graph/graph-provider.tsx';
import type { Comparison } from './state/explorer.ts';
import { monthRange } from './state/months.ts';
import { useComparison } from './state/use-comparison.ts';
import { useExplorer } from './state/use-explorer.ts';
import { computeVisibility } from './state/visibility.ts';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; ontology: Ontology }
  | { status: 'error'; message: string };

/** Loads the ontology (kinds, types, colours) before anything is drawn. */
export function App() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const load = useCallback(() => {
    setLoaded({ status: 'loading' });
    fetchOntology().then(
      (ontology) => setLoaded({ status: 'ready', ontology }),
      (error: unknown) =>
        setLoaded({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  }, []);
  useEffect(load, [load]);

  if (loaded.status === 'loading') {
    return (
      <main className="splash" aria-busy="true">
        <h1>Entente</h1>
        <p>Connecting to the graph…</p>
      </main>
    );
  }
  if (loaded.status === 'error') {
    return (
      <main className="splash">
        <h1>Entente</h1>
        <p role="alert" className="error">
          The API is not answering: {loaded.message}
        </p>
        <button type="button" onClick={load}>
          Retry
        </button>
      </main>
    );
  }
  return (
    <OntologyContext.Provider value={loaded.ontology}>
      <Explorer ontology={loaded.ontology} />
    </OntologyContext.Provider>
  );
}

function Explorer({ ontology }: { ontology: Ontology }) {
  const explorer = useExplorer();
  const { state, dispatch, visibility, addEntity, expand } = explorer;
  const [webgl, setWebgl] = useState(false);
  const [ends, setEnds] = useState<{ from: PathEnd | null; to: PathEnd | null }>({
    from: null,
    to: null,
  });
  const setEnd = useCallback(
    (end: 'from' | 'to', value: PathEnd | null) =>
      setEnds((current) => ({ ...current, [end]: value })),
    [],
  );
  const onSelect = useCallback((id: string | null) => dispatch({ type: 'select', id }), [dispatch]);
  const onSelectEdge = useCallback(
    (id: string) => dispatch({ type: 'selectEdge', id }),
    [dispatch],
  );
  const onAsOf = useCallback((asOf: string) => dispatch({ type: 'asOf', asOf }), [dispatch]);
  const onCompare = useCallback(
    (compare: Comparison) => dispatch({ type: 'compare', compare }),
    [dispatch],
  );
  const empty = Object.keys(state.canvas.nodes).length === 0;
  // The slider and the timeline span the dates the data holds.
  const range = useMemo(() => monthRange(ontology.timeSpan), [ontology]);
  const comparison = useComparison(state.canvas, state.compare);
  // The timeline draws every date, so only the filters (not the as-of date) leave lanes out.
  const filtered = useMemo(
    () => computeVisibility(state.canvas, state.filters, null).hiddenEdges,
    [state.canvas, state.filters],
  );
  const onCanvas = useMemo(() => new Set(Object.keys(state.canvas.edges)), [state.canvas.edges]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Entente</h1>
        <Search
          label="Search entities"
          placeholder="Search organisations, agencies, people…"
          onChoose={(entity) => addEntity(entity.id, entity.name)}
        />
        <a href="/graphql" target="_blank" rel="noreferrer" className="graphiql">
          GraphiQL
        </a>
      </header>
      <GraphProvider
        ontology={ontology}
        state={state}
        visibility={visibility}
        changes={comparison.marks}
        webgl={webgl}
        initialPositions={explorer.initialPositions}
        onSelect={onSelect}
        onSelectEdge={onSelectEdge}
        onExpand={(id) => expand(id)}
      >
        <Toolbar explorer={explorer} webgl={webgl} onWebglChange={setWebgl} />
        <div className="sidebar">
          <TimeSlider explorer={explorer} range={range} />
          <ComparePanel
            compare={state.compare}
            comparison={comparison}
            onCanvas={onCanvas}
            onCompare={onCompare}
            onSelectEdge={onSelectEdge}
          />
          <PathFinder explorer={explorer} from={ends.from} to={ends.to} onChange={setEnd} />
          <FiltersPanel explorer={explorer} />
        </div>
        <Timeline
          canvas={state.canvas}
          selected={state.selected}
          selectedEdge={state.selectedEdge}
          hidden={filtered}
          asOf={state.asOf}
          whole={range}
          onSelectEdge={onSelectEdge}
          onAsOf={onAsOf}
        />
        <DetailsPanel explorer={explorer} onPathEnd={setEnd} />
        <StatusBar explorer={explorer} empty={empty} />
      </GraphProvider>
    </div>
  );
}
