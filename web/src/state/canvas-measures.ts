import {
  computeMeasures,
  type EntityMeasures,
  type Measure,
  measureWork,
  type Ranked,
  rankBy,
} from '../../../server/src/measures/graph-measures.ts';
import type { Canvas } from './canvas.ts';
import type { Visibility } from './visibility.ts';

/** How the canvas shows its measures: what sizes the nodes, whether communities colour them. */
export interface MeasureView {
  /** The measure nodes are sized by and "Who matters here" ranks by; null: sized by degree overall. */
  sizeBy: Measure | null;
  communities: boolean;
  /** The panel is open: its ranking needs the measures even when nothing is styled by them. */
  open: boolean;
}

export const NO_MEASURE_VIEW: MeasureView = { sizeBy: null, communities: false, open: false };

/** The measure the ranking lists when nothing sizes the nodes. */
export const DEFAULT_RANKED: Measure = 'degree';

/** Okabe–Ito, the colour-blind-safe set the kinds draw from too; past it, communities are grey. */
export const COMMUNITY_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#000000',
];
export const OTHER_COMMUNITY_COLOUR = '#BBBBBB';

export const communityColour = (community: number) =>
  COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITY_COLOUR;

/** A community in the legend: its colour, how many entities it holds and the best connected. */
export interface CommunityEntry {
  community: number;
  colour: string;
  size: number;
  /** The id of its member of highest degree. */
  lead: string;
}

export interface CanvasMeasures {
  values: ReadonlyMap<string, EntityMeasures>;
  communities: CommunityEntry[];
  /** The canvas was over CANVAS_MEASURE_WORK and left unmeasured: how many entities it shows. */
  tooLarge?: number;
}

/**
 * The most work the page measures on its main thread, a few seconds (graph-measures.ts
 * measureWork; 10^8 is about 5,000 entities with 15,000 relationships). Past it the canvas is
 * left unmeasured and the panel points to the stored measures of the server's job.
 */
export const CANVAS_MEASURE_WORK = 100_000_000;

/**
 * The measures of what the canvas shows: the entities and relationships the filters and the
 * as-of date leave visible (an entity greyed out counts, alone), measured as the server's job
 * measures the whole graph (server/src/measures).
 */
export function measureCanvas(canvas: Canvas, visibility: Visibility): CanvasMeasures {
  const nodes = Object.keys(canvas.nodes).filter((id) => !visibility.hiddenNodes.has(id));
  const edges = Object.values(canvas.edges).filter((edge) => !visibility.hiddenEdges.has(edge.id));
  if (measureWork(nodes.length, edges.length) > CANVAS_MEASURE_WORK)
    return { values: new Map(), communities: [], tooLarge: nodes.length };
  const values = computeMeasures({ nodes, edges });
  const entries = new Map<number, CommunityEntry>();
  for (const { id, community } of rankBy(values, 'degree', values.size)) {
    const entry = entries.get(community);
    if (entry) entry.size += 1;
    else
      entries.set(community, { community, colour: communityColour(community), size: 1, lead: id });
  }
  return {
    values,
    communities: [...entries.values()].sort((a, b) => a.community - b.community),
  };
}

/** How the graph draws each node by the measures: a size in [0, 1] and a community's colour. */
export interface NodeMeasureStyle {
  sizes: ReadonlyMap<string, number> | null;
  colours: ReadonlyMap<string, string> | null;
}

export const UNSTYLED: NodeMeasureStyle = { sizes: null, colours: null };

/** Each node's value of the measure over the highest on the canvas, and its community's colour. */
export function nodeMeasureStyle(
  measured: CanvasMeasures | null,
  view: MeasureView,
): NodeMeasureStyle {
  if (!measured) return UNSTYLED;
  let sizes: Map<string, number> | null = null;
  const { sizeBy } = view;
  if (sizeBy) {
    let top = 0;
    for (const values of measured.values.values()) top = Math.max(top, values[sizeBy]);
    sizes = new Map(
      [...measured.values].map(([id, values]) => [id, top > 0 ? values[sizeBy] / top : 0]),
    );
  }
  const colours = view.communities
    ? new Map([...measured.values].map(([id, values]) => [id, communityColour(values.community)]))
    : null;
  return { sizes, colours };
}

/** "Who matters here": the first entities by the measure the view ranks by. */
export function whoMatters(measured: CanvasMeasures, view: MeasureView, first: number): Ranked[] {
  return rankBy(measured.values, view.sizeBy ?? DEFAULT_RANKED, first);
}
