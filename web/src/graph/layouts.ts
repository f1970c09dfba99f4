import type { LayoutOptions, NodeSingular, Position } from 'cytoscape';
import type { LayoutName } from '../state/explorer.ts';

/** A node the layout must leave where it is. */
export interface FixedNode {
  nodeId: string;
  position: Position;
}

/**
 * Options for a layout run. `incremental` keeps the current positions as the starting point
 * (new nodes were placed next to their neighbours); `fixed` nodes stay put (the caller also locks
 * them, which the non-force layouts respect).
 */
export function layoutOptions(
  name: LayoutName,
  { fixed = [], incremental = false }: { fixed?: FixedNode[]; incremental?: boolean } = {},
): LayoutOptions {
  const common = { animate: false, fit: fixed.length === 0, padding: 40 };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        // A large canvas is laid out by ForceAtlas2 in a worker instead (run-layout.ts).
        quality: 'default',
        numIter: 2500,
        randomize: !incremental && fixed.length === 0,
        nodeRepulsion: 30000,
        idealEdgeLength: 150,
        edgeElasticity: 0.3,
        nodeSeparation: 120,
        fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 30,
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: () => 2,
      };
    case 'dagre':
      return { name: 'dagre', ...common, rankDir: 'LR', nodeSep: 30, rankSep: 90 } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlap: true };
  }
}
