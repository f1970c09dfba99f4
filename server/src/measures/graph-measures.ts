// The one definition of the graph measures, for the explorer's canvas and the server's job
// alike: how relationships become the graph measured, and what each measure is. Pure (graphology
// and the domain only, nothing of Node or the browser), so the web bundle can import it.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { seededRandom } from '../domain/seeded-random.ts';

/** The measures of one entity in one graph. */
export interface EntityMeasures {
  /** How many other entities it is tied to. */
  degree: number;
  /** How many relationships tie it to them (several between two entities count each). */
  weightedDegree: number;
  /** The share of shortest paths between two others that pass through it, in [0, 1]. */
  betweenness: number;
  /** PageRank over the relationships, summing to 1 over the graph. */
  pagerank: number;
  /** Its Louvain community: 0 is the largest, then by size (ties by their first id). */
  community: number;
}

/** The measures an entity can be sized or ranked by. */
export const MEASURES = ['degree', 'weightedDegree', 'betweenness', 'pagerank'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  degree: 'Degree',
  weightedDegree: 'Weighted degree',
  betweenness: 'Betweenness',
  pagerank: 'PageRank',
};

/** What is measured: entities by id, and the relationships among them (already filtered). */
export interface MeasureInput {
  nodes: readonly string[];
  edges: readonly { source: string; target: string }[];
}

/** The seed of Louvain's random order of moves, so the same graph gets the same communities. */
export const LOUVAIN_SEED = 1;

/**
 * The graph measured: undirected (who brokers between whom does not depend on which way
 * "member of" points), one edge per pair of entities weighted by how many relationships join
 * them; relationships of an entity to itself and to an entity not given are left out.
 */
export function buildMeasureGraph(input: MeasureInput): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of input.nodes) graph.mergeNode(id);
  for (const { source, target } of input.edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    graph.updateEdge(source, target, (attributes) => ({
      weight: ((attributes.weight as number | undefined) ?? 0) + 1,
    }));
  }
  return graph;
}

/**
 * The work betweenness takes (Brandes: one search from every entity, each over every tie),
 * which outgrows the other measures': what a bound on a job's size is a bound on.
 */
export function measureWork(nodes: number, edges: number): number {
  return nodes * (nodes + edges);
}

/**
 * The most work one run of the measures may take: about a minute of one core (a graph of
 * 10,000 entities and 30,000 relationships, 4e8, takes some 17 s). A larger graph is refused
 * before it is read, rather than left running; measure one dataset of it instead.
 */
export const MAX_MEASURE_WORK = 1_500_000_000;

/** Louvain's community ids renumbered: the largest community 0, ties by the smallest id in it. */
function renumber(communities: Record<string, number>): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const [id, community] of Object.entries(communities)) {
    const list = members.get(community) ?? [];
    list.push(id);
    members.set(community, list);
  }
  const order = [...members.values()]
    .map((ids) => ids.sort())
    .sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
  return new Map(order.flatMap((ids, index) => ids.map((id) => [id, index] as const)));
}

/** Every measure of every entity given. */
export function computeMeasures(input: MeasureInput): Map<string, EntityMeasures> {
  const graph = buildMeasureGraph(input);
  const result = new Map<string, EntityMeasures>();
  if (graph.order === 0) return result;
  const betweenness = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
  const ranks = pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-9 });
  const communities = renumber(
    louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) }),
  );
  graph.forEachNode((id) => {
    let weightedDegree = 0;
    graph.forEachEdge(id, (_edge, attributes) => {
      weightedDegree += attributes.weight as number;
    });
    result.set(id, {
      degree: graph.degree(id),
      weightedDegree,
      betweenness: betweenness[id] ?? 0,
      pagerank: ranks[id] ?? 0,
      community: communities.get(id) ?? 0,
    });
  });
  return result;
}

/** One entity's place in a ranking. */
export interface Ranked {
  id: string;
  value: number;
  community: number;
}

/** The first `first` entities by a measure, highest first; ties by id. */
export function rankBy(
  measures: ReadonlyMap<string, EntityMeasures>,
  measure: Measure,
  first: number,
): Ranked[] {
  return [...measures]
    .map(([id, values]) => ({ id, value: values[measure], community: values.community }))
    .sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, first);
}
