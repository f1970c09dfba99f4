import { useCallback, useEffect, useState } from 'react';
import { fetchOntology } from './api/queries.ts';
import type { Ontology } from './api/types.ts';
import { DetailsPanel } from './components/details-panel.tsx';
import { FiltersPanel } from './components/filters.tsx';
import { OntologyContext } from './components/ontology.tsx';
import { type PathEnd, PathFinder } from './components/path-finder.tsx';
import { Search } from './components/search.tsx';
import { StatusBar } from './components/status-bar.tsx';
import { TimeSlider } from './components/time-slider.tsx';
import { Toolbar } from './components/toolbar.tsx';
import { GraphProvider } from './graph/graph-provider.tsx';
import { useExplorer } from './state/use-explorer.ts';

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
  const empty = Object.keys(state.canvas.nodes).length === 0;

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
        webgl={webgl}
        initialPositions={explorer.initialPositions}
        onSelect={onSelect}
        onSelectEdge={onSelectEdge}
        onExpand={(id) => expand(id)}
      >
        <Toolbar explorer={explorer} webgl={webgl} onWebglChange={setWebgl} />
        <div className="sidebar">
          <TimeSlider explorer={explorer} />
          <PathFinder explorer={explorer} from={ends.from} to={ends.to} onChange={setEnd} />
          <FiltersPanel explorer={explorer} />
        </div>
        <DetailsPanel explorer={explorer} onPathEnd={setEnd} />
        <StatusBar explorer={explorer} empty={empty} />
      </GraphProvider>
    </div>
  );
}
