import { useEffect, useState } from 'react';
import { dateToMonth, monthCount, monthToDate } from '../state/months.ts';
import type { Explorer } from '../state/use-explorer.ts';

const PLAY_STEP_MS = 120;

/**
 * The as-of date. The range input ("As of date") moves by month; the companion date input
 * ("As of date (exact)") takes any day, which is how tests set exactly 2017-01-01:
 * `page.getByLabel('As of date (exact)', { exact: true }).fill('2017-01-01')`.
 * "All dates" clears it. Play steps through the months from the current position.
 */
export function TimeSlider({ explorer }: { explorer: Explorer }) {
  const { state, dispatch } = explorer;
  const last = monthCount() - 1;
  const position = state.asOf ? Math.min(dateToMonth(state.asOf), last) : last;
  const [playing, setPlaying] = useState(false);
  const setAsOf = (asOf: string | null) => dispatch({ type: 'asOf', asOf });

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = position + 1;
      if (next > last) setPlaying(false);
      else dispatch({ type: 'asOf', asOf: monthToDate(next) });
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, position, last, dispatch]);

  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (!state.asOf || position >= last) setAsOf(monthToDate(0));
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
          aria-valuetext={state.asOf ?? 'All dates'}
          onChange={(event) => setAsOf(monthToDate(Number(event.target.value)))}
        />
      </div>
      <div className="time-row">
        <input
          type="date"
          aria-label="As of date (exact)"
          min="1900-01-01"
          value={state.asOf && state.asOf.length === 10 ? state.asOf : ''}
          onChange={(event) => setAsOf(event.target.value || null)}
        />
        <button type="button" onClick={() => setAsOf(null)} disabled={!state.asOf}>
          All dates
        </button>
        <output className="as-of">{state.asOf ? `As of ${state.asOf}` : 'All dates'}</output>
      </div>
    </section>
  );
}
