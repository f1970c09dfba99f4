import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { Ontology } from './api/types.ts';
import { useOntologyQuery } from './api/use-queries.ts';
import { ComparePanel } from './components/compare-panel.tsx';
import { DetailsPanel } from './components/details-panel.tsx';
import { FiltersPanel } from './components/filters.tsx';
import { MeasuresPanel } from './components/measures-panel.tsx';
import { OntologyContext } from './components/ontology.tsx';
import { type PathEnd, PathFinder } from './components/path-finder.tsx';
import { Search } from './components/search.tsx';
import { SignIn } from './components/sign-in.tsx';
import { StatusBar } from './components/status-bar.tsx';
import { StoriesPanel } from './components/stories-panel.tsx';
import { TimeSlider } from './components/time-slider.tsx';
import { Timeline } from './components/timeline.tsx';
import { Toolbar } from './components/toolbar.tsx';
import { GraphProvider } from './graph/graph-provider.tsx';
import { nodeMeasureStyle } from './state/canvas-measures.ts';
import { EditorSessionProvider } from './state/editor-session.tsx';
import {
  useCanvas,
  useCanvasMeasures,
  useCanvasRequests,
  useFilters,
  useGraphState,
  useSelection,
  useStoryPlace,
  useTime,
} from './state/explorer-hooks.ts';
import { ExplorerProvider } from './state/explorer-provider.tsx';
import { monthRange } from './state/months.ts';
import { useComparison } from './state/use-comparison.ts';
import { computeVisibility } from './state/visibility.ts';

// The player, with the Markdown renderer and the HTML page, is fetched when a story is opened.
const StoryPlayer = lazy(() =>
  import('./components/story-player.tsx').then((module) => ({ default: module.StoryPlayer })),
);

/** Loads the ontology (kinds, types, colours) before anything is drawn. */
export function App() {
  const { fetched, retry } = useOntologyQuery();

  if (fetched.status === 'loading') {
    return (
      <main className="splash" aria-busy="true">
        <h1>Entente</h1>
        <p>Connecting to the graph…</p>
      </main>
    );
  }
  if (fetched.status === 'error') {
    return (
      <main className="splash">
        <h1>Entente</h1>
        <p role="alert" className="error">
          The API is not answering: {fetched.message.replace(/^ApiError: /, '')}
        </p>
        <button type="button" onClick={retry}>
          Retry
        </button>
      </main>
    );
  }
  const { status: _status, ...ontology } = fetched;
  return (
    <OntologyContext.Provider value={ontology}>
      <EditorSessionProvider>
        <ExplorerProvider>
          <Explorer ontology={ontology} />
        </ExplorerProvider>
      </EditorSessionProvider>
    </OntologyContext.Provider>
  );
}

function Explorer({ ontology }: { ontology: Ontology }) {
  const state = useGraphState();
  const { canvas } = useCanvas();
  const { selected, selectedEdge, select, selectEdge } = useSelection();
  const { filters, visibility } = useFilters();
  const { asOf, compare, setAsOf, setCompare } = useTime();
  const { addEntity, expand, initialPositions } = useCanvasRequests();
  const { view: measureView, measured } = useCanvasMeasures();
  const { place: story } = useStoryPlace();
  const measureStyle = useMemo(
    () => nodeMeasureStyle(measured, measureView),
    [measured, measureView],
  );
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
  const onSelectEdge = useCallback((id: string) => selectEdge(id), [selectEdge]);
  // The slider and the timeline span the dates the data holds.
  const range = useMemo(() => monthRange(ontology.timeSpan), [ontology]);
  const comparison = useComparison(canvas, compare);
  // The timeline draws every date, so only the filters (not the as-of date) leave lanes out.
  const filtered = useMemo(
    () => computeVisibility(canvas, filters, null).hiddenEdges,
    [canvas, filters],
  );
  const onCanvas = useMemo(() => new Set(Object.keys(canvas.edges)), [canvas.edges]);

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
        <SignIn />
      </header>
      <GraphProvider
        ontology={ontology}
        state={state}
        visibility={visibility}
        changes={comparison.marks}
        webgl={webgl}
        measureStyle={measureStyle}
        initialPositions={initialPositions}
        onSelect={select}
        onSelectEdge={onSelectEdge}
        onExpand={(id) => expand(id)}
      >
        <Toolbar webgl={webgl} onWebglChange={setWebgl} />
        <div className="sidebar">
          {story && (
            <Suspense fallback={<p className="hint">Opening the story…</p>}>
              <StoryPlayer />
            </Suspense>
          )}
          <TimeSlider range={range} />
          <ComparePanel
            compare={compare}
            comparison={comparison}
            onCanvas={onCanvas}
            onCompare={setCompare}
            onSelectEdge={onSelectEdge}
          />
          <PathFinder from={ends.from} to={ends.to} onChange={setEnd} />
          <MeasuresPanel />
          <FiltersPanel />
          <StoriesPanel />
        </div>
        <Timeline
          canvas={canvas}
          selected={selected}
          selectedEdge={selectedEdge}
          hidden={filtered}
          asOf={asOf}
          whole={range}
          onSelectEdge={onSelectEdge}
          onAsOf={setAsOf}
        />
        <DetailsPanel onPathEnd={setEnd} />
        <StatusBar />
      </GraphProvider>
    </div>
  );
}
