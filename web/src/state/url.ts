import { parsePartialDate } from '../../../server/src/domain/partial-date.ts';
import { MEASURES, type Measure } from '../../../server/src/measures/graph-measures.ts';
import type { MeasureView } from './canvas-measures.ts';
import type { Comparison, LayoutName, StoryPlace } from './explorer.ts';
import { type Filters, NO_FILTERS } from './visibility.ts';

/** Where a node sits on the canvas, in model coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** The part of the explorer a link carries. */
export interface SharedView {
  ids: string[];
  selected: string | null;
  /** A selected relationship; only when no entity is selected. */
  selectedEdge: string | null;
  asOf: string | null;
  /** Two dates compared, so a shared link reopens the comparison. */
  compare: Comparison;
  filters: Filters;
  layout: LayoutName;
  /** The path finder leaves out hubs; on unless the link says `avoid=none`. */
  avoidHubs: boolean;
  /** Where the entities were drawn; a copied link carries them so the picture opens as it was. */
  positions: Record<string, Point>;
  /** What the measures size and colour (whether their panel is open stays with the page). */
  measures: Pick<MeasureView, 'sizeBy' | 'communities'>;
  /** A story open at a step: the step is the view, so a link to it carries nothing else. */
  story: StoryPlace | null;
}

const POINT = /^(-?\d+)_(-?\d+)$/;

const LAYOUTS: readonly LayoutName[] = ['fcose', 'concentric', 'dagre', 'grid'];

function list(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

/**
 * Serialises a view as a URL fragment ("" for the empty default view). A fragment never reaches
 * the server, so a canvas of thousands of entities makes a link no server refuses as too long.
 */
export function viewToFragment(view: SharedView): string {
  const params = new URLSearchParams();
  // Steps count from 1 in a link, as the player shows them.
  if (view.story)
    return `#${new URLSearchParams({ story: view.story.id, step: String(view.story.step + 1) })}`;
  if (view.ids.length > 0) params.set('e', view.ids.join(','));
  if (view.selected) params.set('sel', view.selected);
  else if (view.selectedEdge) params.set('rel', view.selectedEdge);
  if (view.asOf) params.set('asOf', view.asOf);
  if (view.compare.from) params.set('cf', view.compare.from);
  if (view.compare.to) params.set('ct', view.compare.to);
  if (view.filters.hiddenKinds.length) params.set('hk', view.filters.hiddenKinds.join(','));
  if (view.filters.hiddenTypes.length) params.set('ht', view.filters.hiddenTypes.join(','));
  if (view.filters.hiddenStatuses.length) params.set('hs', view.filters.hiddenStatuses.join(','));
  if (view.filters.hiddenDatasets.length) params.set('hd', view.filters.hiddenDatasets.join(','));
  if (view.layout !== 'fcose') params.set('layout', view.layout);
  if (!view.avoidHubs) params.set('avoid', 'none');
  if (view.measures.sizeBy) params.set('size', view.measures.sizeBy);
  if (view.measures.communities) params.set('communities', '1');
  // One "x_y" per id, in the order of `e`, rounded to whole pixels: compact enough for
  // thousands of entities.
  const points = view.ids.map((id) => view.positions[id]);
  if (points.some(Boolean)) {
    const text = (point: Point | undefined) =>
      point ? `${Math.round(point.x)}_${Math.round(point.y)}` : '';
    params.set('pos', points.map(text).join(','));
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** The fragment of a story open at a step; steps count from 1 in a link, as the player shows them. */
export function storyFragment(place: StoryPlace): string {
  return `#${new URLSearchParams({ story: place.id, step: String(place.step + 1) })}`;
}

/**
 * Reads a view from a URL fragment (or a query string, as links once carried it); unknown or
 * malformed values fall back to the defaults.
 */
export function fragmentToView(fragment: string): SharedView {
  const params = new URLSearchParams(fragment.replace(/^[#?]/, ''));
  const ids = list(params.get('e'));
  const selected = params.get('sel');
  const selectedEdge = params.get('rel');
  // The domain's reading of a partial date, so a link can hold only a date the API takes.
  const date = (name: string) => {
    const parsed = parsePartialDate(params.get(name));
    return parsed.ok ? parsed.value : null;
  };
  const layout = params.get('layout') as LayoutName | null;
  const positions: Record<string, Point> = {};
  const points = (params.get('pos') ?? '').split(',');
  ids.forEach((id, index) => {
    const match = POINT.exec(points[index] ?? '');
    if (match) positions[id] = { x: Number(match[1]), y: Number(match[2]) };
  });
  return {
    ids,
    selected: selected && ids.includes(selected) ? selected : null,
    selectedEdge: !selected && selectedEdge && ids.length > 0 ? selectedEdge : null,
    asOf: date('asOf'),
    compare: { from: date('cf'), to: date('ct') },
    filters: {
      ...NO_FILTERS,
      hiddenKinds: list(params.get('hk')),
      hiddenTypes: list(params.get('ht')),
      hiddenStatuses: list(params.get('hs')),
      hiddenDatasets: list(params.get('hd')),
    },
    layout: layout && LAYOUTS.includes(layout) ? layout : 'fcose',
    avoidHubs: params.get('avoid') !== 'none',
    positions,
    measures: {
      sizeBy: MEASURES.find((measure: Measure) => measure === params.get('size')) ?? null,
      communities: params.get('communities') === '1',
    },
    story: storyOf(params),
  };
}

function storyOf(params: URLSearchParams): StoryPlace | null {
  const id = params.get('story');
  if (!id) return null;
  const step = Number(params.get('step') ?? '1');
  return { id, step: Number.isInteger(step) && step >= 1 ? step - 1 : 0 };
}
