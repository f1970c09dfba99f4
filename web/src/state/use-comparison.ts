import { useMemo } from 'react';
import type { ChangeKind } from '../api/types.ts';
import { useChanges } from '../api/use-queries.ts';
import type { Canvas } from './canvas.ts';
import { changeMarks, comparedDates } from './changes.ts';
import type { Comparison } from './explorer.ts';

const NO_MARKS: ReadonlyMap<string, readonly ChangeKind[]> = new Map();

/**
 * What changed between the two dates compared around the entities on the canvas: asked again
 * when the dates or the entities change, nothing asked until both dates are given in order.
 */
export function useComparison(canvas: Canvas, compare: Comparison) {
  const dates = comparedDates(compare);
  // The API takes up to 2000 ids, as many as a shared view draws.
  const ids = useMemo(() => Object.keys(canvas.nodes).sort().slice(0, 2000), [canvas.nodes]);
  const { fetched, retry } = useChanges(ids, dates);
  const changes = fetched?.status === 'done' ? fetched.changes : null;
  const marks = useMemo(() => (changes ? changeMarks(changes) : NO_MARKS), [changes]);
  return { dates, fetched, marks, retry };
}

export type ComparisonState = ReturnType<typeof useComparison>;
