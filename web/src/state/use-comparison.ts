import { useMemo } from 'react';
import { fetchChanges } from '../api/queries.ts';
import type { ChangeKind } from '../api/types.ts';
import { useFetched } from '../api/use-fetched.ts';
import type { Canvas } from './canvas.ts';
import { changeMarks, comparedDates } from './changes.ts';
import type { Comparison } from './explorer.ts';

const NO_MARKS: ReadonlyMap<string, readonly ChangeKind[]> = new Map();

/**
 * What changed between the two dates compared around the entities on the canvas: fetched again
 * when the dates or the entities change, nothing fetched until both dates are given in order.
 */
export function useComparison(canvas: Canvas, compare: Comparison) {
  const dates = comparedDates(compare);
  // The API takes up to 2000 ids, as many as a shared view draws.
  const ids = useMemo(() => Object.keys(canvas.nodes).sort().slice(0, 2000), [canvas.nodes]);
  const key = dates && ids.length > 0 ? JSON.stringify([dates.from, dates.to, ids]) : null;
  const { fetched, retry } = useFetched(key, async (text, signal) => {
    const [from, to, entities] = JSON.parse(text) as [string, string, string[]];
    return { changes: await fetchChanges(entities, from, to, signal) };
  });
  const current = key ? fetched : null;
  const changes = current?.status === 'done' ? current.changes : null;
  const marks = useMemo(() => (changes ? changeMarks(changes) : NO_MARKS), [changes]);
  return { dates, fetched: current, marks, retry };
}

export type ComparisonState = ReturnType<typeof useComparison>;
