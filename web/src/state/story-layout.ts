import { stableHash } from '../../../server/src/domain/relationship-id.ts';
import type { StoryStep } from '../api/stories.ts';
import type { Subgraph } from '../api/types.ts';
import { forcePositions } from '../graph/force-layout.ts';
import type { SavedView } from './explorer.ts';
import type { Point } from './url.ts';

/**
 * Where a story's step draws each of its entities: where the step places them, and the rest by
 * ForceAtlas2 around those, seeded by the step's entities so the same step is always drawn the
 * same way — in the explorer and in the story's HTML export alike.
 */
export function stepPositions(
  ids: readonly string[],
  edges: readonly { source: string; target: string }[],
  given: Readonly<Record<string, Point>>,
): Record<string, Point> {
  const missing = ids.filter((id) => !given[id]);
  if (missing.length === 0) return Object.fromEntries(ids.map((id) => [id, given[id] as Point]));
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs = edges.flatMap(({ source, target }) => {
    const [a, b] = [index.get(source), index.get(target)];
    return a === undefined || b === undefined ? [] : [a, b];
  });
  const fixed = ids.flatMap((id, i) => {
    const point = given[id];
    return point ? [{ index: i, x: point.x, y: point.y }] : [];
  });
  const laid = forcePositions({
    nodeCount: ids.length,
    edges: Uint32Array.from(pairs),
    fixed,
    seed: Number.parseInt(stableHash(ids.join(',')).slice(0, 8), 16),
  });
  const points = ids.map((_, i) => ({ x: laid[i * 2] as number, y: laid[i * 2 + 1] as number }));
  // A step is read, not scanned: with nothing placed by hand, its entities are spread until no
  // two are closer than STEP_SPACING, so every name can be read.
  const spread = fixed.length === 0 ? spreadFactor(points) : 1;
  return Object.fromEntries(
    ids.map((id, i) => {
      const at = points[i] as Point;
      return [id, given[id] ?? { x: at.x * spread, y: at.y * spread }];
    }),
  );
}

/** The least distance a step's laid-out entities keep between them, in model pixels. */
const STEP_SPACING = 170;
/** Past this many entities a step is a network to scan, and is spread no further. */
const SPREAD_UP_TO = 300;

function spreadFactor(points: readonly Point[]): number {
  if (points.length < 2 || points.length > SPREAD_UP_TO) return 1;
  let closest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const [a, b] = [points[i] as Point, points[j] as Point];
      closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  return closest > 0 && closest < STEP_SPACING ? Math.min(STEP_SPACING / closest, 8) : 1;
}

/** Where a step places its entities, as the layout reads them. */
export function givenPositions(step: StoryStep): Record<string, Point> {
  return Object.fromEntries(step.positions.map(({ entity, x, y }) => [entity, { x, y }]));
}

/** A step's view of what the API drew of it: its date, its selection, its highlight. */
export function stepView(step: StoryStep, subgraph: Subgraph): SavedView {
  const drawn = new Map(subgraph.edges.map((edge) => [edge.id, edge]));
  const edges = step.highlight.flatMap((id) => {
    const edge = drawn.get(id);
    return edge ? [edge] : [];
  });
  const selected = step.selected ?? null;
  return {
    subgraph,
    asOf: step.asOf ?? null,
    selected: selected && !drawn.has(selected) ? selected : null,
    selectedEdge: selected && drawn.has(selected) ? selected : null,
    highlight:
      edges.length > 0
        ? {
            nodeIds: [...new Set(edges.flatMap((edge) => [edge.from.id, edge.to.id]))],
            edgeIds: edges.map((edge) => edge.id),
          }
        : null,
  };
}
