import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { seededRandom } from '../../../server/src/domain/seeded-random.ts';

/** A graph to lay out, by index: what the main thread posts to the layout worker. */
export interface ForceInput {
  nodeCount: number;
  /** Pairs of node indices, flattened: source, target, source, target, ... */
  edges: Uint32Array;
  /** Nodes that stay where they are (dragged or pinned), by index, in model coordinates. */
  fixed: { index: number; x: number; y: number }[];
  /** Where each node starts, as x, y pairs by index (a re-layout that keeps the picture); else a seeded spread. */
  initial?: Float64Array;
  /** Seeds the starting spread, so a run can be repeated. */
  seed: number;
}

/**
 * ForceAtlas2 rounds. Each costs about 10 ms of CPU per thousand entities here (Barnes-Hut), so
 * this many keep a 5,000-entity canvas near a second while its clusters pull apart.
 */
export const FORCE_ITERATIONS = 50;
/** The mean drawn length of a relationship, in model pixels, once the result is scaled. */
const MEAN_EDGE_LENGTH = 90;

/**
 * Positions for every node by ForceAtlas2 (graphology's), as x, y pairs by index. Runs in the
 * layout worker, off the page's main thread. From a fresh spread with no fixed node the result
 * is scaled so a relationship is about MEAN_EDGE_LENGTH long, the spacing the canvas's nodes are
 * drawn for; otherwise the fixed nodes' or the starting coordinates set the scale.
 */
export function forcePositions({
  nodeCount,
  edges,
  fixed,
  initial,
  seed,
}: ForceInput): Float64Array {
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  const next = seededRandom(seed);
  const side = Math.sqrt(nodeCount) * MEAN_EDGE_LENGTH;
  for (let i = 0; i < nodeCount; i += 1) {
    graph.addNode(i, {
      x: initial ? initial[i * 2] : (next() - 0.5) * side,
      y: initial ? initial[i * 2 + 1] : (next() - 0.5) * side,
    });
  }
  for (const { index, x, y } of fixed) graph.mergeNodeAttributes(index, { x, y, fixed: true });
  for (let i = 0; i + 1 < edges.length; i += 2) {
    if (edges[i] !== edges[i + 1]) graph.addEdge(edges[i], edges[i + 1]);
  }
  forceAtlas2.assign(graph, {
    iterations: FORCE_ITERATIONS,
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: nodeCount > 500 },
  });
  const positions = new Float64Array(nodeCount * 2);
  graph.forEachNode((key, { x, y }) => {
    positions[Number(key) * 2] = x;
    positions[Number(key) * 2 + 1] = y;
  });
  if (fixed.length === 0 && !initial) scaleToEdgeLength(positions, edges);
  return positions;
}

function scaleToEdgeLength(positions: Float64Array, edges: Uint32Array): void {
  let total = 0;
  let count = 0;
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const [a, b] = [(edges[i] as number) * 2, (edges[i + 1] as number) * 2];
    const length = Math.hypot(
      (positions[a] as number) - (positions[b] as number),
      (positions[a + 1] as number) - (positions[b + 1] as number),
    );
    if (length > 0) {
      total += length;
      count += 1;
    }
  }
  if (count === 0) return;
  const factor = MEAN_EDGE_LENGTH / (total / count);
  for (let i = 0; i < positions.length; i += 1) positions[i] = (positions[i] as number) * factor;
}
