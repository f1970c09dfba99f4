import type { ElementDefinition } from 'cytoscape';
import type { Canvas } from '../state/canvas.ts';
import { hiddenRelationshipCounts } from '../state/canvas.ts';
import { type NodeMeasureStyle, UNSTYLED } from '../state/canvas-measures.ts';
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
  /** Its value of the measure nodes are sized by, over the canvas's highest: 0 to 1; -1 when none sizes them. */
  measureSize: number;
  /** Its community's colour when communities colour the canvas, else "". */
  communityColour: string;
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
 * with its status at `asOf`, each entity with its size and colour by the measures, if any.
 */
export function toElements(
  canvas: Canvas,
  asOf: string | null = null,
  measures: NodeMeasureStyle = UNSTYLED,
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
      measureSize: measures.sizes ? (measures.sizes.get(node.id) ?? 0) : -1,
      communityColour: measures.colours?.get(node.id) ?? '',
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
