// Plays the open story: reads it, draws each step as its saved view (animated from the one before)
// and moves between steps; the address bar carries the story and the step.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { isAbort } from '../api/client.ts';
import { fetchStory, type Story, storyKey } from '../api/stories.ts';
import { canvasReads } from '../api/use-queries.ts';
import { useGraphActions } from '../graph/graph-provider.tsx';
import { useStoryPlace } from './explorer-hooks.ts';
import { givenPositions, stepPositions, stepView } from './story-layout.ts';

export type StepStatus =
  | { state: 'drawing' }
  | { state: 'shown'; missing: string[] }
  | { state: 'error'; message: string };

/** The open story, its step, and the moves between steps. */
export function useStoryPlayer() {
  const { place, goTo, showView } = useStoryPlace();
  const graph = useGraphActions();
  const client = useQueryClient();
  const reads = useMemo(() => canvasReads(client), [client]);
  const id = place?.id ?? null;
  const query = useQuery({
    queryKey: storyKey(id ?? ''),
    queryFn: () => fetchStory(id ?? ''),
    enabled: id !== null,
  });
  const story: Story | null = query.data ?? null;
  const count = story?.steps.length ?? 0;
  const index = Math.min(place?.step ?? 0, Math.max(count - 1, 0));
  const step = story?.steps[index] ?? null;
  const [status, setStatus] = useState<StepStatus>({ state: 'drawing' });

  useEffect(() => {
    if (!step) return;
    let stale = false;
    setStatus({ state: 'drawing' });
    reads.subgraph([...step.entities]).then(
      (subgraph) => {
        if (stale) return;
        const ids = subgraph.nodes.map((node) => node.id);
        const links = subgraph.edges.map((edge) => ({ source: edge.from.id, target: edge.to.id }));
        graph.place(stepPositions(ids, links, givenPositions(step)));
        showView(stepView(step, subgraph));
        const drawn = new Set(ids);
        setStatus({
          state: 'shown',
          missing: step.entities.filter((entity) => !drawn.has(entity)),
        });
      },
      (error: unknown) => {
        if (stale || isAbort(error)) return;
        setStatus({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => {
      stale = true;
    };
  }, [step, reads, graph, showView]);

  const moves = useMemo(
    () => ({
      previous: () => id && index > 0 && goTo({ id, step: index - 1 }),
      next: () => id && index < count - 1 && goTo({ id, step: index + 1 }),
      // Not held to the steps read so far: after an editor's save, the story may have more.
      goToStep: (to: number) => id && goTo({ id, step: Math.max(0, to) }),
      close: () => goTo(null),
    }),
    [id, index, count, goTo],
  );

  return {
    id,
    story,
    loading: query.status === 'pending' && id !== null,
    failed: query.status === 'error' ? String(query.error) : query.data === null ? 'none' : null,
    index,
    step,
    status,
    ...moves,
  };
}
