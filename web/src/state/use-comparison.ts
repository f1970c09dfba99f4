import { useMemo } from 'react';
import { MAX_SUBGRAPH_IDS } from '../../../server/src/domain/limits.ts';
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
  const ids = useMemo(
    () => Object.keys(canvas.nodes).sort().slice(0, MAX_SUBGRAPH_IDS),
    [canvas.nodes],
  );
  const { fetched, retry } = useChanges(ids, dates);
  const changes = fetched?.status === 'done' ? fetched.changes : null;
  const marks = useMemo(() => (changes ? changeMarks(changes) : NO_MARKS), [changes]);
  return { dates, fetched, marks, retry };
}

export type ComparisonState = ReturnType<typeof useComparison>;
