import type { Canvas } from './canvas.ts';

/** The canvas as JSON: entities and relationships, in a stable order. */
export function canvasToJson(canvas: Canvas): string {
  const nodes = Object.values(canvas.nodes)
    .map(({ hub: _hub, ...node }) => node)
    .sort((a, b) => a.id.localeCompare(b.id));
  const edges = Object.values(canvas.edges).sort((a, b) => a.id.localeCompare(b.id));
  return `${JSON.stringify({ nodes, edges }, null, 2)}\n`;
}
