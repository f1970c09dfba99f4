import { type KeyboardEvent, type MouseEvent, useMemo, useState } from 'react';
import { firstDay } from '../../../server/src/domain/partial-date.ts';
import type { Canvas } from '../state/canvas.ts';
import {
  dateAtFraction,
  dateToMonth,
  fractionOf,
  inRange,
  type MonthRange,
  monthToDate,
  yearTicks,
} from '../state/months.ts';
import {
  type Lane,
  type LaneBar,
  laneEdges,
  laneOf,
  lanesRange,
  MAX_LANES,
} from '../state/timeline.ts';
import { useOntology } from './ontology.tsx';
import { type Hovered, PhaseTip, phaseText } from './phase-tip.tsx';
import './timeline.css';

export interface TimelineProps {
  canvas: Canvas;
  /** The selected entity, whose relationships the lanes are; every one on the canvas without. */
  selected: string | null;
  selectedEdge: string | null;
  /** Relationships the filters hide: no lane for them. */
  hidden: ReadonlySet<string>;
  asOf: string | null;
  /** The months the data spans; the axis fits the lanes' dates unless asked for all of them. */
  whole: MonthRange;
  onSelectEdge(id: string): void;
  onAsOf(asOf: string): void;
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** Which gradient (if any) opens a bar out at its undated ends. */
function fillOf(bar: LaneBar, colour: string): string {
  if (bar.openStart && bar.openEnd) return `url(#open-both-${bar.status})`;
  if (bar.openStart) return `url(#open-start-${bar.status})`;
  if (bar.openEnd) return `url(#open-end-${bar.status})`;
  return colour;
}

/**
 * The Timeline: one lane per relationship (the selected entity's, or the canvas's), each a bar
 * over its interval with every phase of its history in its status's colour. Hovering a phase
 * shows its evidence; clicking a lane selects the relationship; the as-of date is a line, and
 * clicking the axis sets it.
 */
export function Timeline(props: TimelineProps) {
  const { canvas, selected, selectedEdge, hidden, asOf, whole } = props;
  const ontology = useOntology();
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const [wholeSpan, setWholeSpan] = useState(false);
  const colours = useMemo(
    () => new Map(ontology.statuses.map((info) => [info.status, info.colour])),
    [ontology],
  );
  const edges = useMemo(() => laneEdges(canvas, selected, hidden), [canvas, selected, hidden]);
  const range = useMemo(
    () => (wholeSpan ? whole : lanesRange(edges, whole)),
    [wholeSpan, whole, edges],
  );
  const lanes = useMemo(
    () => edges.slice(0, MAX_LANES).map((edge) => laneOf(edge, canvas, range)),
    [edges, canvas, range],
  );
  const ticks = useMemo(() => yearTicks(range), [range]);
  const line = asOf && inRange(asOf, range) ? percent(fractionOf(firstDay(asOf), range)) : null;
  const name = selected ? canvas.nodes[selected]?.name : null;

  const pick = (event: MouseEvent<HTMLButtonElement>) => {
    // A keyboard "click" has no pointer position; the arrow keys move the date instead.
    if (event.detail === 0) return;
    const box = event.currentTarget.getBoundingClientRect();
    props.onAsOf(dateAtFraction((event.clientX - box.left) / box.width, range));
  };
  const step = (event: KeyboardEvent<HTMLButtonElement>) => {
    const by = { ArrowLeft: -12, ArrowRight: 12 }[event.key];
    if (!by) return;
    event.preventDefault();
    const from = asOf ? dateToMonth(asOf, range) : range.count - 1;
    props.onAsOf(monthToDate(Math.min(Math.max(from + by, 0), range.count - 1), range));
  };
  // The phase under the pointer: the lane is the one element that listens, the bars only show.
  const hover = (lane: Lane) => (event: MouseEvent<HTMLButtonElement>) => {
    const bar = event.currentTarget.querySelector('svg')?.getBoundingClientRect();
    if (!bar) return;
    const at = (event.clientX - bar.left) / bar.width;
    const phase = lane.bars.findLast((item) => item.start <= at && at <= item.end);
    if (!phase || event.clientY < bar.top || event.clientY > bar.bottom) setHovered(null);
    else if (hovered?.id !== lane.id || hovered.bar.index !== phase.index)
      setHovered({ id: lane.id, bar: phase, x: event.clientX, y: event.clientY });
  };

  return (
    <section aria-label="Timeline" className="timeline">
      <header>
        <h2 className="timeline-title">Timeline</h2>
        <span className="hint">
          {name ? `${name}'s relationships on the canvas` : 'Every relationship on the canvas'}
          {edges.length > 0 && ` (${edges.length})`}
        </span>
        <ul className="status-legend" aria-label="Statuses">
          {ontology.statuses.map((info) => (
            <li key={info.status} title={info.description}>
              <span className="status-swatch" style={{ background: info.colour }} />
              {info.label}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="small"
          aria-pressed={wholeSpan}
          onClick={() => setWholeSpan(!wholeSpan)}
        >
          Whole span of the data ({whole.firstYear}–
          {whole.firstYear + Math.ceil(whole.count / 12) - 1})
        </button>
      </header>
      <OpenGradients colours={colours} />
      {lanes.length === 0 ? (
        <p className="hint">
          {Object.keys(canvas.edges).length === 0
            ? 'Relationships on the canvas show here over time.'
            : 'No relationships to show.'}
        </p>
      ) : (
        <div className="timeline-grid">
          <span />
          <button
            type="button"
            className="timeline-axis"
            aria-label={`Set the as-of date (${asOf ? `now ${asOf}` : 'all dates'}); arrow keys move it by a year`}
            onClick={pick}
            onKeyDown={step}
          >
            {ticks.map((tick) => (
              // The years are drawn by CSS from data-year: a scale, not part of the button's name.
              <span
                key={tick}
                className="tick"
                data-year={tick}
                style={{ left: percent(fractionOf(`${tick}-01-01`, range)) }}
              />
            ))}
            {line && <span className="as-of-marker" data-date={asOf} style={{ left: line }} />}
          </button>
          {lanes.map((lane) => (
            <button
              key={lane.id}
              type="button"
              className="lane"
              data-id={lane.id}
              aria-pressed={lane.id === selectedEdge}
              onClick={() => props.onSelectEdge(lane.id)}
              onMouseMove={hover(lane)}
              onMouseLeave={() => setHovered(null)}
            >
              <span className="lane-label" title={lane.text}>
                {lane.text}
              </span>
              <span className="sr-only">
                : {lane.bars.map((bar) => phaseText(bar, ontology)).join('; ')}
              </span>
              <svg className="lane-bar" aria-hidden="true">
                {lane.bars.map((bar) => (
                  <rect
                    key={bar.index}
                    data-status={bar.status}
                    data-open-start={bar.openStart || undefined}
                    data-open-end={bar.openEnd || undefined}
                    x={percent(bar.start)}
                    width={percent(Math.max(bar.end - bar.start, 0.002))}
                    y={4}
                    height={12}
                    rx={2}
                    fill={fillOf(bar, colours.get(bar.status) ?? '#888888')}
                  />
                ))}
                {line && <line className="as-of-line" x1={line} x2={line} y1={0} y2="100%" />}
              </svg>
            </button>
          ))}
        </div>
      )}
      {edges.length > lanes.length && (
        <p className="hint">
          The first {lanes.length} of {edges.length} relationships are drawn.
        </p>
      )}
      {hovered && <PhaseTip hovered={hovered} />}
    </section>
  );
}

/** How a bar fades out towards an undated end: [offset, opacity] stops. */
const OPEN_STOPS: Record<string, [number, number][]> = {
  start: [
    [0, 0.1],
    [0.25, 1],
    [1, 1],
  ],
  end: [
    [0, 1],
    [0.75, 1],
    [1, 0.1],
  ],
  both: [
    [0, 0.1],
    [0.25, 1],
    [0.75, 1],
    [1, 0.1],
  ],
};

/** The fills of bars with undated ends, one set per status colour. */
function OpenGradients({ colours }: { colours: ReadonlyMap<string, string> }) {
  return (
    <svg className="defs" aria-hidden="true" width={0} height={0}>
      <defs>
        {[...colours].flatMap(([status, colour]) =>
          Object.entries(OPEN_STOPS).map(([open, stops]) => (
            <linearGradient key={`${open}-${status}`} id={`open-${open}-${status}`}>
              {stops.map(([offset, opacity]) => (
                <stop key={offset} offset={offset} stopColor={colour} stopOpacity={opacity} />
              ))}
            </linearGradient>
          )),
        )}
      </defs>
    </svg>
  );
}
