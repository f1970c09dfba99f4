import { isValidAt } from '../../../server/src/domain/partial-date.ts';
import type { Canvas } from './canvas.ts';
import { statusOn } from './status.ts';

/** What the filters hide; empty lists hide nothing. */
export interface Filters {
  hiddenKinds: string[];
  hiddenTypes: string[];
  hiddenStatuses: string[];
  /** Relationships from these datasets are hidden. */
  hiddenDatasets: string[];
}

export const NO_FILTERS: Filters = {
  hiddenKinds: [],
  hiddenTypes: [],
  hiddenStatuses: [],
  hiddenDatasets: [],
};

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  /** Entities whose every relationship on the canvas is hidden. */
  greyedNodes: Set<string>;
}

/**
 * Applies the filters and the as-of date (relationships not valid then are hidden, read with
 * the domain's generous partial-date rules) to the canvas. The status filter reads the status
 * in force at that date.
 */
export function computeVisibility(
  canvas: Canvas,
  filters: Filters,
  asOf: string | null,
): Visibility {
  const kinds = new Set(filters.hiddenKinds);
  const types = new Set(filters.hiddenTypes);
  const statuses = new Set(filters.hiddenStatuses);
  const datasets = new Set(filters.hiddenDatasets);
  const hiddenNodes = new Set(
    Object.values(canvas.nodes)
      .filter((node) => kinds.has(node.kind))
      .map((node) => node.id),
  );
  const hiddenEdges = new Set<string>();
  const withEdges = new Set<string>();
  const withVisibleEdges = new Set<string>();
  for (const edge of Object.values(canvas.edges)) {
    withEdges.add(edge.source);
    withEdges.add(edge.target);
    const hidden =
      types.has(edge.type) ||
      statuses.has(statusOn(edge, asOf)) ||
      (edge.dataset !== null && datasets.has(edge.dataset)) ||
      hiddenNodes.has(edge.source) ||
      hiddenNodes.has(edge.target) ||
      (asOf !== null && !isValidAt(edge, asOf));
    if (hidden) {
      hiddenEdges.add(edge.id);
    } else {
      withVisibleEdges.add(edge.source);
      withVisibleEdges.add(edge.target);
    }
  }
  const greyedNodes = new Set(
    [...withEdges].filter((id) => !withVisibleEdges.has(id) && !hiddenNodes.has(id)),
  );
  return { hiddenNodes, hiddenEdges, greyedNodes };
}
