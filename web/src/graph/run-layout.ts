import type { Core } from 'cytoscape';
import type { LayoutName } from '../state/explorer.ts';
import { layoutOptions } from './layouts.ts';

/**
 * Lays out the visible graph, leaving nodes the user dragged or pinned where they are: they are
 * locked for the run (every layout skips locked nodes) and fCoSE also gets them as fixed
 * constraints so the rest arranges around them.
 */
export function runLayout(cy: Core, name: LayoutName, incremental = false): void {
  const eles = cy.elements().not('.hidden');
  if (eles.nodes().empty()) return;
  const kept = eles.nodes('.dragged, .pinned');
  const fixed = kept.map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
  const temporary = kept
    .not('.pinned')
    .nodes()
    .filter((node) => !node.locked());
  temporary.addClass('layout-lock').lock();
  const layout = eles.layout(
    layoutOptions(name, { fixed, incremental, nodeCount: eles.nodes().length }),
  );
  layout.one('layoutstop', () => {
    temporary.removeClass('layout-lock').unlock();
  });
  layout.run();
}
