import { useState } from 'react';
import { useGraphActions } from '../graph/graph-provider.tsx';
import { LAYOUT_LABELS, type LayoutName } from '../state/explorer.ts';
import { canvasToJson, download, edgesToCsv, nodesToCsv } from '../state/export.ts';
import { fragmentToView, viewToFragment } from '../state/url.ts';
import type { Explorer } from '../state/use-explorer.ts';

export interface ToolbarProps {
  explorer: Explorer;
  webgl: boolean;
  onWebglChange(webgl: boolean): void;
}

/** Layout, view and history controls, and the exports. */
export function Toolbar({ explorer, webgl, onWebglChange }: ToolbarProps) {
  const { state, dispatch } = explorer;
  const graph = useGraphActions();
  const [copied, setCopied] = useState(false);
  const empty = Object.keys(state.canvas.nodes).length === 0;
  const selected = state.selected;

  const exportPng = async () => {
    const blob = await graph.png();
    if (blob) download('entente-graph.png', blob);
  };
  // The address bar holds the view; a copied link also holds where each entity is drawn.
  const copyLink = async () => {
    const view = fragmentToView(window.location.hash);
    const { origin, pathname } = window.location;
    const link = `${origin}${pathname}${viewToFragment({ ...view, positions: graph.positions() })}`;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt('Copy this link', link);
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Graph tools">
      <label>
        Layout{' '}
        <select
          value={state.layout}
          onChange={(event) =>
            dispatch({ type: 'layout', layout: event.target.value as LayoutName })
          }
        >
          {Object.entries(LAYOUT_LABELS).map(([name, label]) => (
            <option key={name} value={name}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={graph.relayout} disabled={empty}>
        Re-layout
      </button>
      <button type="button" onClick={graph.fit} disabled={empty}>
        Fit
      </button>
      <span className="sep" />
      <button
        type="button"
        onClick={() => dispatch({ type: 'undo' })}
        disabled={!state.past.length}
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: 'redo' })}
        disabled={!state.future.length}
      >
        Redo
      </button>
      <button
        type="button"
        disabled={!selected}
        onClick={() => selected && dispatch({ type: 'hide', ids: [selected] })}
      >
        Hide selected
      </button>
      <button
        type="button"
        disabled={!selected}
        onClick={() => selected && dispatch({ type: 'pin', id: selected })}
      >
        {selected && state.canvas.pinned.includes(selected) ? 'Unpin' : 'Pin'}
      </button>
      <button type="button" onClick={() => dispatch({ type: 'clear' })} disabled={empty}>
        Clear
      </button>
      <span className="sep" />
      <button type="button" onClick={exportPng} disabled={empty}>
        Export PNG
      </button>
      <button
        type="button"
        disabled={empty}
        onClick={() =>
          download('entente-graph.json', canvasToJson(state.canvas), 'application/json')
        }
      >
        Export JSON
      </button>
      <button
        type="button"
        disabled={empty}
        onClick={() => download('entente-nodes.csv', nodesToCsv(state.canvas), 'text/csv')}
      >
        Nodes CSV
      </button>
      <button
        type="button"
        disabled={empty}
        onClick={() => download('entente-edges.csv', edgesToCsv(state.canvas), 'text/csv')}
      >
        Edges CSV
      </button>
      <button type="button" onClick={copyLink}>
        {copied ? 'Link copied' : 'Copy link'}
      </button>
      <label title="Cytoscape's WebGL renderer draws large canvases faster">
        <input
          type="checkbox"
          checked={webgl}
          onChange={(event) => onWebglChange(event.target.checked)}
        />{' '}
        WebGL
      </label>
    </div>
  );
}
