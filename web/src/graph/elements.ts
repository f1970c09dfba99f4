import type { ElementDefinition } from 'cytoscape';
import type { Canvas } from '../state/canvas.ts';
import { hiddenRelationshipCounts } from '../state/canvas.ts';
import { statusOn } from '../state/status.ts';

/** Node data as the stylesheet reads it. */
export interface NodeData {
  id: string;
  label: string;
  name: string;
  kind: string;
  degree: number;
  /** Relationships not on the canvas; shown as "+N" in the label. */
  more: number;
}

/** Edge data as the stylesheet reads it. */
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  /** The status in force at the as-of date (the latest without one): what the line is drawn by. */
  status: string;
  label: string;
}

/** Only hubs the API cut say "+N more" on the canvas; the details panel counts for every node. */
function nodeLabel(name: string, more: number, hub: boolean): string {
  return hub && more > 0 ? `${name}\n+${more} more` : name;
}

/**
 * The canvas as Cytoscape elements (data only; classes are applied by the diff), each line
 * with its status at `asOf`.
 */
export function toElements(
  canvas: Canvas,
  asOf: string | null = null,
): {
  nodes: ElementDefinition[];
  edges: ElementDefinition[];
} {
  const hidden = hiddenRelationshipCounts(canvas);
  const nodes = Object.values(canvas.nodes).map((node) => {
    const more = hidden.get(node.id) ?? 0;
    const data: NodeData = {
      id: node.id,
      label: nodeLabel(node.name, more, node.hub !== undefined),
      name: node.name,
      kind: node.kind,
      degree: node.degree,
      more,
    };
    return { group: 'nodes' as const, data };
  });
  const edges = Object.values(canvas.edges).map((edge) => {
    const data: EdgeData = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      status: statusOn(edge, asOf),
      label: edge.since ? `${edge.label} (${edge.since})` : edge.label,
    };
    return { group: 'edges' as const, data };
  });
  return { nodes, edges };
}
