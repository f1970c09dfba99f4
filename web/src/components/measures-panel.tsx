import type { ChangeEvent } from 'react';
import {
  MEASURE_LABELS,
  MEASURES,
  type Measure,
} from '../../../server/src/measures/graph-measures.ts';
import { DEFAULT_RANKED, whoMatters } from '../state/canvas-measures.ts';
import { useCanvas, useCanvasMeasures, useSelection } from '../state/explorer-hooks.ts';
import './measures.css';

/** How many entities "Who matters here" lists. */
const RANKED = 10;

/** Degree and weighted degree are counts; the others fractions, shown to three figures. */
const formatValue = (measure: Measure, value: number) =>
  measure === 'degree' || measure === 'weightedDegree' ? String(value) : value.toPrecision(3);

/**
 * Measures of what the canvas shows: size nodes by one, colour them by community (with the
 * communities' legend), and "Who matters here", the entities ranked by the measure; a click
 * selects one.
 */
export function MeasuresPanel() {
  const { view, measured, setView } = useCanvasMeasures();
  const { canvas } = useCanvas();
  const { selected, select } = useSelection();
  const ranked = view.sizeBy ?? DEFAULT_RANKED;
  const nameOf = (id: string) => canvas.nodes[id]?.name ?? id;
  const onSizeBy = (event: ChangeEvent<HTMLSelectElement>) =>
    setView({ ...view, sizeBy: (event.target.value || null) as Measure | null });
  return (
    <section className="measures" aria-label="Measures">
      <details
        open={view.open}
        onToggle={(event) => {
          const open = event.currentTarget.open;
          if (open !== view.open) setView({ ...view, open });
        }}
      >
        <summary>
          <h2>Measures</h2>
        </summary>
        <label className="measure-row">
          Size by{' '}
          <select value={view.sizeBy ?? ''} onChange={onSizeBy}>
            <option value="">Relationships overall</option>
            {MEASURES.map((measure) => (
              <option key={measure} value={measure}>
                {MEASURE_LABELS[measure]}
              </option>
            ))}
          </select>
        </label>
        <label className="measure-row">
          <input
            type="checkbox"
            checked={view.communities}
            onChange={(event) => setView({ ...view, communities: event.target.checked })}
          />{' '}
          Colour by community
        </label>
        {measured && view.communities && (
          <ul className="communities" aria-label="Communities">
            {measured.communities.map((entry) => (
              <li key={entry.community}>
                <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />{' '}
                Community {entry.community + 1}: {entry.size}{' '}
                {entry.size === 1 ? 'entity' : 'entities'}, with {nameOf(entry.lead)}
              </li>
            ))}
          </ul>
        )}
        <h3>Who matters here</h3>
        <p className="hint">
          By {MEASURE_LABELS[ranked].toLowerCase()}, over what the canvas shows at this date and
          with these filters.
        </p>
        {measured?.tooLarge !== undefined && (
          <p className="hint" role="status">
            {measured.tooLarge.toLocaleString('en-GB')} entities are too many to measure here: the
            API's <code>ranking</code> reads the measures <code>npm run measures</code> stores.
          </p>
        )}
        {measured && measured.values.size > 0 ? (
          <ol className="who-matters" aria-label="Who matters here">
            {whoMatters(measured, view, RANKED).map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="link"
                  aria-current={item.id === selected ? 'true' : undefined}
                  onClick={() => select(item.id)}
                >
                  {nameOf(item.id)}
                </button>{' '}
                <span className="measure-value">{formatValue(ranked, item.value)}</span>
              </li>
            ))}
          </ol>
        ) : (
          !measured?.tooLarge && <p className="hint">Nothing on the canvas to measure.</p>
        )}
      </details>
    </section>
  );
}
