import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchStories } from '../api/stories.ts';
import { useEditorSession } from '../state/editor-session.tsx';
import { useCanvas, useStoryPlace } from '../state/explorer-hooks.ts';
import { storyFragment } from '../state/url.ts';
import { NewStoryForm } from './story-editing.tsx';

/** The stories to open, each a link to its first step; editors start one from the canvas. */
export function StoriesPanel() {
  const query = useQuery({ queryKey: ['stories'], queryFn: fetchStories });
  const { place, goTo } = useStoryPlace();
  const { editor } = useEditorSession();
  const { empty } = useCanvas();
  const [creating, setCreating] = useState(false);
  return (
    <section className="stories" aria-label="Stories">
      <details open={place !== null || undefined}>
        <summary>
          <h2>Stories</h2>
        </summary>
        {query.status === 'pending' && <p className="hint">Reading the stories…</p>}
        {query.status === 'error' && (
          <p role="alert" className="error">
            The stories could not be read: {String(query.error)}
          </p>
        )}
        {query.data?.length === 0 && <p className="hint">No stories yet.</p>}
        <ul className="story-list">
          {query.data?.map((story) => (
            <li key={story.id}>
              <a
                href={storyFragment({ id: story.id, step: 0 })}
                aria-current={place?.id === story.id ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  goTo({ id: story.id, step: 0 });
                }}
              >
                {story.title}
              </a>{' '}
              <span className="hint">
                {story.steps.length} {story.steps.length === 1 ? 'step' : 'steps'}
              </span>
            </li>
          ))}
        </ul>
        {editor &&
          (creating ? (
            <NewStoryForm onDone={() => setCreating(false)} />
          ) : (
            <button
              type="button"
              disabled={empty}
              title={empty ? 'Draw what the first step shows first' : undefined}
              onClick={() => setCreating(true)}
            >
              New story from this view
            </button>
          ))}
      </details>
    </section>
  );
}
