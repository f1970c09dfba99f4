import { useCanvas, useCanvasRequests } from '../state/explorer-hooks.ts';

/** Loading, error (with retry) and empty-canvas states over the graph. */
export function StatusBar() {
  const { status, dismissError } = useCanvasRequests();
  const { empty } = useCanvas();
  return (
    <div className="status-layer">
      {status.loading && (
        <p className="status loading" role="status" aria-live="polite">
          {status.loading}…
        </p>
      )}
      {status.error && (
        <div className="status error" role="alert">
          <span>{status.error.message}</span>
          <button type="button" onClick={status.error.retry}>
            Retry
          </button>
          <button type="button" onClick={dismissError} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {empty && !status.loading && !status.error && (
        <div className="status empty-state">
          <h2>Start with a search</h2>
          <p>
            Search for an organisation — try <em>Kaspersky</em>, <em>Europol</em> or{' '}
            <em>No More Ransom</em> — to put it on the canvas with its neighbours.
          </p>
        </div>
      )}
    </div>
  );
}
