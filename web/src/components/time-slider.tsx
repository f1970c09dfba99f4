import { useEffect, useState } from 'react';
import { useCanvas, useTime } from '../state/explorer-hooks.ts';
import { dateToMonth, type MonthRange, monthToDate } from '../state/months.ts';
import { earliestStart } from '../state/timeline.ts';
import './panels.css';

const PLAY_STEP_MS = 120;

/**
 * The as-of date. The range input ("As of date") moves by month over the months the data spans;
 * the companion date input ("As of date (exact)") takes any day, which is how tests set exactly
 * 2017-01-01: `page.getByLabel('As of date (exact)', { exact: true }).fill('2017-01-01')`.
 * "All dates" clears it. Play steps through the months from the current position, or from the
 * month the earliest relationship on the canvas begins; every step restyles the canvas.
 */
export function TimeSlider({ range }: { range: MonthRange }) {
  const { asOf, setAsOf } = useTime();
  const { canvas } = useCanvas();
  const last = range.count - 1;
  const position = asOf ? dateToMonth(asOf, range) : last;
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = position + 1;
      if (next > last) setPlaying(false);
      else setAsOf(monthToDate(next, range));
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, position, last, range, setAsOf]);

  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (!asOf || position >= last) {
      const start = earliestStart(canvas);
      setAsOf(monthToDate(start ? dateToMonth(start, range) : 0, range));
    }
    setPlaying(true);
  };

  return (
    <section className="time-slider" aria-label="Time">
      <h2>Time</h2>
      <div className="time-row">
        <button type="button" onClick={play} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <input
          type="range"
          aria-label="As of date"
          min={0}
          max={last}
          step={1}
          value={position}
          aria-valuetext={asOf ?? 'All dates'}
          onChange={(event) => setAsOf(monthToDate(Number(event.target.value), range))}
        />
      </div>
      <div className="time-row">
        <input
          type="date"
          aria-label="As of date (exact)"
          min={monthToDate(0, range)}
          value={asOf && asOf.length === 10 ? asOf : ''}
          onChange={(event) => setAsOf(event.target.value || null)}
        />
        <button type="button" onClick={() => setAsOf(null)} disabled={!asOf}>
          All dates
        </button>
        <output className="as-of">{asOf ? `As of ${asOf}` : 'All dates'}</output>
      </div>
    </section>
  );
}
