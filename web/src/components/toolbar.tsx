import { useState } from 'react';
import { download } from '../dom/download.ts';
import { useGraphActions } from '../graph/graph-provider.tsx';
import { LAYOUT_LABELS, type LayoutName } from '../state/explorer.ts';
import { useCanvas, useSelection } from '../state/explorer-hooks.ts';
import { canvasToJson } from '../state/export.ts';
import { fragmentToView, viewToFragment } from '../state/url.ts';
import { ExportMenu } from './export-menu.tsx';
import './panels.css';

export interface ToolbarProps {
  webgl: boolean;
  onWebglChange(webgl: boolean): void;
}

/** Layout, view and history controls, and the exports. */
export function Toolbar({ webgl, onWebglChange }: ToolbarProps) {
  const { canvas, layout, canUndo, canRedo, empty, ...edit } = useCanvas();
  const { selected } = useSelection();
  const graph = useGraphActions();
  const [copied, setCopied] = useState(false);

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
          value={layout}
          onChange={(event) => edit.setLayout(event.target.value as LayoutName)}
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
      <button type="button" onClick={edit.undo} disabled={!canUndo}>
        Undo
      </button>
      <button type="button" onClick={edit.redo} disabled={!canRedo}>
        Redo
      </button>
      <button type="button" disabled={!selected} onClick={() => selected && edit.hide([selected])}>
        Hide selected
      </button>
      <button
        type="button"
        disabled={!selected}
        onClick={() => selected && edit.togglePin(selected)}
      >
        {selected && canvas.pinned.includes(selected) ? 'Unpin' : 'Pin'}
      </button>
      <button type="button" onClick={edit.clear} disabled={empty}>
        Clear
      </button>
      <span className="sep" />
      <button type="button" onClick={exportPng} disabled={empty}>
        Export PNG
      </button>
      <button
        type="button"
        disabled={empty}
        onClick={() => download('entente-graph.json', canvasToJson(canvas), 'application/json')}
      >
        Export JSON
      </button>
      <ExportMenu />
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
