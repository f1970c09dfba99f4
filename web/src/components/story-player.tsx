import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { canvasReads } from '../api/use-queries.ts';
import { download } from '../dom/download.ts';
import { useEditorSession } from '../state/editor-session.tsx';
import { storyHtml, storyPage } from '../state/story-html.ts';
import { captionHtml } from '../state/story-markdown.ts';
import { storyFragment } from '../state/url.ts';
import { useStoryPlayer } from '../state/use-story-player.ts';
import { EvidenceList } from './evidence.tsx';
import { useOntology } from './ontology.tsx';
import { StoryEditing } from './story-editing.tsx';
import './story.css';

const WRITING = 'Writing the page…';

/** Keys typed into a field, or moving on the canvas, are not the story's. */
function ownKeys(target: EventTarget | null): boolean {
  const element = target instanceof Element ? target : null;
  return !element?.closest('input, textarea, select, [contenteditable], [role="application"]');
}

/**
 * The open story: its step's title, date, caption and evidence over the canvas that step draws,
 * with Previous / Next (and the arrow keys) to move, the page as one offline HTML file, and, for
 * editors, the steps' editing.
 */
export function StoryPlayer() {
  const player = useStoryPlayer();
  const { editor } = useEditorSession();
  const ontology = useOntology();
  const client = useQueryClient();
  const [exporting, setExporting] = useState<string | null>(null);
  const { id, story, step, index, previous, next, close } = player;

  useEffect(() => {
    if (!id) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || !ownKeys(event.target)) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') next();
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') previous();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [id, next, previous]);

  const caption = useMemo(() => (step?.caption ? captionHtml(step.caption) : ''), [step]);
  if (!id) return null;
  if (player.loading)
    return (
      <section className="story-player" aria-busy="true" aria-label="Story">
        <p>Opening the story…</p>
      </section>
    );
  if (!story || !step) {
    return (
      <section className="story-player" aria-label="Story">
        <p role="alert" className="error">
          {player.failed === 'none'
            ? `There is no story "${id}".`
            : `The story could not be read: ${player.failed}`}
        </p>
        <button type="button" onClick={close}>
          Close
        </button>
      </section>
    );
  }

  const exportHtml = async () => {
    setExporting(WRITING);
    try {
      const reads = canvasReads(client);
      const link = `${window.location.origin}${window.location.pathname}${storyFragment({ id: story.id, step: 0 })}`;
      const page = await storyPage(story, reads.subgraph, link);
      download(`${story.id}.html`, storyHtml(page, ontology), 'text/html');
      setExporting(null);
    } catch (error) {
      setExporting(
        `The page could not be written: ${error instanceof Error ? error.message : error}`,
      );
    }
  };

  const count = story.steps.length;
  return (
    <section
      className="story-player"
      aria-label="Story"
      aria-busy={player.status.state === 'drawing'}
    >
      <header>
        <p className="story-title">{story.title}</p>
        <p className="story-counter" data-testid="story-counter">
          Step {index + 1} of {count}
        </p>
      </header>
      <h2 data-testid="story-step-title">{step.title}</h2>
      {step.asOf && <p className="story-date">As of {step.asOf}</p>}
      {/* Rendered with raw HTML off and links checked: story-markdown.ts. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it's output with html off */}
      <div className="story-caption" dangerouslySetInnerHTML={{ __html: caption }} />
      {player.status.state === 'shown' && player.status.missing.length > 0 && (
        <p className="hint">No longer in the graph: {player.status.missing.join(', ')}</p>
      )}
      {player.status.state === 'error' && (
        <p role="alert" className="error">
          The step could not be drawn: {player.status.message}
        </p>
      )}
      <EvidenceList evidence={[...step.evidence]} />
      <nav className="story-moves" aria-label="Steps">
        <button
          type="button"
          onClick={previous}
          disabled={index === 0}
          aria-keyshortcuts="ArrowLeft"
        >
          Previous
        </button>
        <button
          type="button"
          onClick={next}
          disabled={index === count - 1}
          aria-keyshortcuts="ArrowRight"
        >
          Next
        </button>
        <button type="button" onClick={close}>
          Close story
        </button>
      </nav>
      <p className="hint">← and → move between steps.</p>
      <button type="button" onClick={() => void exportHtml()} disabled={exporting === WRITING}>
        Download as HTML
      </button>
      {exporting && <p role="status">{exporting}</p>}
      {editor && <StoryEditing story={story} index={index} onMoved={player.goToStep} />}
    </section>
  );
}
