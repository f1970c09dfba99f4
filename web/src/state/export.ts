import type { Canvas } from './canvas.ts';

/** The canvas as JSON: entities and relationships, in a stable order. */
export function canvasToJson(canvas: Canvas): string {
  const nodes = Object.values(canvas.nodes)
    .map(({ hub: _hub, ...node }) => node)
    .sort((a, b) => a.id.localeCompare(b.id));
  const edges = Object.values(canvas.edges).sort((a, b) => a.id.localeCompare(b.id));
  return `${JSON.stringify({ nodes, edges }, null, 2)}\n`;
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** The entities on the canvas as CSV (RFC 4180 quoting). */
export function nodesToCsv(canvas: Canvas): string {
  const rows = Object.values(canvas.nodes)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((n) => [n.id, n.name, n.kind, n.degree, n.aliases.join('; ')]);
  return csv(['id', 'name', 'kind', 'degree', 'aliases'], rows);
}

/** The relationships on the canvas as CSV, each with the dataset it came from. */
export function edgesToCsv(canvas: Canvas): string {
  const rows = Object.values(canvas.edges)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => [e.id, e.source, e.target, e.type, e.status, e.since, e.until, e.dataset]);
  return csv(['id', 'from', 'to', 'type', 'status', 'since', 'until', 'dataset'], rows);
}
