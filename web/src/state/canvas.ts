import type {
  EntityKind,
  Hub,
  PhaseSpan,
  RelationshipStatus,
  RelationshipType,
  Subgraph,
} from '../api/types.ts';

/** An entity drawn on the canvas. */
export interface CanvasNode {
  id: string;
  name: string;
  kind: EntityKind;
  degree: number;
  aliases: string[];
  /** When a neighbourhood fetch cut this hub: its relationships by type. */
  hub?: Hub;
}

/** A relationship drawn on the canvas; source and target are the stored direction. */
export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  type: RelationshipType;
  status: RelationshipStatus;
  since: string | null;
  until: string | null;
  label: string;
  dataset: string | null;
  /** Its phases, first first: what the status was at each date. */
  history: PhaseSpan[];
}

export interface Canvas {
  nodes: Record<string, CanvasNode>;
  edges: Record<string, CanvasEdge>;
  /** Pinned nodes stay where they are and survive "clear". */
  pinned: string[];
}

export const EMPTY_CANVAS: Canvas = { nodes: {}, edges: {}, pinned: [] };

/** Adds a subgraph (a neighbourhood, a path, a shared view) to the canvas; known ids are updated in place. */
export function mergeSubgraph(canvas: Canvas, subgraph: Subgraph): Canvas {
  const nodes = { ...canvas.nodes };
  const hubs = new Map(subgraph.hubs.map((hub) => [hub.id, hub]));
  for (const entity of subgraph.nodes) {
    const hub = hubs.get(entity.id) ?? nodes[entity.id]?.hub;
    nodes[entity.id] = {
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      degree: entity.degree,
      aliases: entity.aliases,
      ...(hub ? { hub } : {}),
    };
  }
  const edges = { ...canvas.edges };
  for (const edge of subgraph.edges) {
    if (!nodes[edge.from.id] || !nodes[edge.to.id]) continue;
    edges[edge.id] = {
      id: edge.id,
      source: edge.from.id,
      target: edge.to.id,
      type: edge.type,
      status: edge.status,
      since: edge.since,
      until: edge.until,
      label: edge.label,
      dataset: edge.dataset,
      history: edge.history ?? [],
    };
  }
  return { ...canvas, nodes, edges };
}

/** Removes entities and every relationship that touches them. */
export function removeNodes(canvas: Canvas, ids: readonly string[]): Canvas {
  const gone = new Set(ids);
  const nodes = Object.fromEntries(Object.entries(canvas.nodes).filter(([id]) => !gone.has(id)));
  const edges = Object.fromEntries(
    Object.entries(canvas.edges).filter(([, e]) => !gone.has(e.source) && !gone.has(e.target)),
  );
  return { nodes, edges, pinned: canvas.pinned.filter((id) => !gone.has(id)) };
}

/** Empties the canvas except for pinned entities (and the relationships among them). */
export function clearUnpinned(canvas: Canvas): Canvas {
  const pinned = new Set(canvas.pinned);
  return removeNodes(
    canvas,
    Object.keys(canvas.nodes).filter((id) => !pinned.has(id)),
  );
}

export function togglePinned(canvas: Canvas, id: string): Canvas {
  const pinned = canvas.pinned.includes(id)
    ? canvas.pinned.filter((other) => other !== id)
    : [...canvas.pinned, id];
  return { ...canvas, pinned };
}

/** How many of an entity's relationships are not on the canvas: the "+N more". */
export function hiddenRelationshipCount(canvas: Canvas, id: string): number {
  const node = canvas.nodes[id];
  if (!node) return 0;
  const drawn = Object.values(canvas.edges).filter((e) => e.source === id || e.target === id);
  return Math.max(0, node.degree - drawn.length);
}

/** Relationships of each node not on the canvas, counting the canvas's edges once: O(n + e). */
export function hiddenRelationshipCounts(canvas: Canvas): Map<string, number> {
  const drawn = new Map<string, number>();
  for (const edge of Object.values(canvas.edges)) {
    drawn.set(edge.source, (drawn.get(edge.source) ?? 0) + 1);
    if (edge.target !== edge.source) drawn.set(edge.target, (drawn.get(edge.target) ?? 0) + 1);
  }
  const hidden = new Map<string, number>();
  for (const node of Object.values(canvas.nodes)) {
    hidden.set(node.id, Math.max(0, node.degree - (drawn.get(node.id) ?? 0)));
  }
  return hidden;
}
