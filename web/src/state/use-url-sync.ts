import { useEffect, useMemo } from 'react';
import type { ExplorerState } from './explorer.ts';
import { fragmentToView, type SharedView, viewToFragment } from './url.ts';

/** The view the page's address holds when the explorer opens (a fragment, or an old query string). */
export function readInitialView(): SharedView {
  return fragmentToView(window.location.hash || window.location.search);
}

/**
 * Keeps the address bar's fragment the view's: entities, selection, filters, layout, dates, and
 * whether paths avoid hubs, what the measures size and colour; or, while a story is open, the
 * story and its step. While a shared view is still loading (`waiting`), its address is left as
 * it is.
 */
export function useUrlSync(state: ExplorerState, waiting: boolean): void {
  const ids = useMemo(() => Object.keys(state.canvas.nodes), [state.canvas.nodes]);
  // The address bar follows the view, not every drag; "Copy link" adds the positions.
  const fragment = viewToFragment({ ...state, ids, positions: {} });
  useEffect(() => {
    if (waiting) return;
    if (fragment !== window.location.hash || window.location.search !== '') {
      window.history.replaceState(null, '', `${window.location.pathname}${fragment}`);
    }
  }, [fragment, waiting]);
}
