import { comparePartialDates, firstDay, lastDay } from '../../../server/src/domain/partial-date.ts';
import type { PhaseSpan } from '../api/types.ts';
import type { Canvas, CanvasEdge } from './canvas.ts';
import { fractionOf, type MonthRange, monthRange } from './months.ts';

/** One phase of a lane: where on the axis it runs (0 to 1), and whether an end is undated. */
export interface LaneBar extends PhaseSpan {
  index: number;
  start: number;
  end: number;
  /** No start date: the bar opens out to the axis's beginning. */
  openStart: boolean;
  /** No end date (it still holds): the bar opens out to the axis's end. */
  openEnd: boolean;
}

/** One relationship on the timeline. */
export interface Lane {
  id: string;
  /** How it reads: "Kaspersky Lab cooperates with Europol". */
  text: string;
  bars: LaneBar[];
}

/** The most lanes drawn; a canvas with more says how many it leaves out. */
export const MAX_LANES = 200;

function phasesOf(edge: CanvasEdge): PhaseSpan[] {
  return edge.history.length > 0
    ? edge.history
    : [{ status: edge.status, since: edge.since, until: edge.until }];
}

/** Where a relationship's first phase begins, for ordering lanes; null when it is undated. */
function startOf(edge: CanvasEdge): string | null {
  return phasesOf(edge)[0]?.since ?? edge.since;
}

/**
 * The relationships the timeline shows, earliest first and undated last: the selected entity's,
 * or every one on the canvas when none is selected; those the filters hide are left out.
 */
export function laneEdges(
  canvas: Canvas,
  selected: string | null,
  hidden: ReadonlySet<string>,
): CanvasEdge[] {
  const edges = Object.values(canvas.edges).filter(
    (edge) =>
      !hidden.has(edge.id) && (!selected || edge.source === selected || edge.target === selected),
  );
  return edges.sort((a, b) => {
    const [x, y] = [startOf(a), startOf(b)];
    if (x && y) return comparePartialDates(x, y) || a.id.localeCompare(b.id);
    if (x || y) return x ? -1 : 1;
    return a.id.localeCompare(b.id);
  });
}

/**
 * A relationship as a lane of bars, one per phase in its history. A phase begins on the first
 * day of its `since` and runs to the next one's; the last runs to the last day of the
 * relationship's `until`, or to the axis's end when it still holds.
 */
export function laneOf(edge: CanvasEdge, canvas: Canvas, range: MonthRange): Lane {
  const phases = phasesOf(edge);
  const name = (id: string) => canvas.nodes[id]?.name ?? id;
  const bars = phases.map((phase, index): LaneBar => {
    const last = index === phases.length - 1;
    const end = phase.until && (last ? lastDay(phase.until) : firstDay(phase.until));
    return {
      ...phase,
      index,
      start: phase.since ? fractionOf(firstDay(phase.since), range) : 0,
      end: end ? fractionOf(end, range) : 1,
      openStart: index === 0 && !phase.since,
      openEnd: last && !phase.until,
    };
  });
  return { id: edge.id, text: `${name(edge.source)} ${edge.label} ${name(edge.target)}`, bars };
}

/** The first day any relationship on the canvas begins: where Play starts. */
export function earliestStart(canvas: Canvas): string | null {
  let earliest: string | null = null;
  for (const edge of Object.values(canvas.edges)) {
    const start = startOf(edge);
    if (start && (!earliest || firstDay(start) < earliest)) earliest = firstDay(start);
  }
  return earliest;
}

/**
 * The months the lanes need, so that ties of a few years are not lost on a span of centuries:
 * from January of the earliest date they hold to the later of their latest and the current
 * month, never before the data's own range begins; the whole range when they hold no date.
 */
export function lanesRange(edges: readonly CanvasEdge[], whole: MonthRange, today = new Date()) {
  const days = edges.flatMap((edge) =>
    phasesOf(edge).flatMap((phase) => [
      ...(phase.since ? [firstDay(phase.since)] : []),
      ...(phase.until ? [lastDay(phase.until)] : []),
    ]),
  );
  if (days.length === 0) return whole;
  days.sort();
  const range = monthRange({ earliest: days[0] ?? null, latest: days.at(-1) ?? null }, today);
  return range.firstYear < whole.firstYear ? whole : range;
}
