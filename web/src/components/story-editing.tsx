import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { idFromName } from '../../../server/src/domain/relationship-id.ts';
import { NEW_RECORD } from '../../../server/src/domain/revisions.ts';
import {
  deleteStory,
  type Story,
  type StoryInput,
  type StoryStepInput,
  saveStory,
  stepInput,
  storyKey,
} from '../api/stories.ts';
import { useGraphActions } from '../graph/graph-provider.tsx';
import type { ExplorerState } from '../state/explorer.ts';
import { useGraphState, useStoryPlace } from '../state/explorer-hooks.ts';
import { EVIDENCE_FIELDS, EvidenceFields, useEvidenceDraft } from './evidence-picker.tsx';
import {
  datesProblem,
  FormActions,
  FormProblem,
  orNull,
  type Problem,
  TextInput,
  useWrite,
} from './form-parts.tsx';

type ViewPart = Pick<StoryStepInput, 'entities' | 'positions' | 'asOf' | 'highlight' | 'selected'>;

/** What the canvas shows now, as a step holds it: entities where they are drawn, date, selection. */
function currentView(
  state: ExplorerState,
  drawn: Record<string, { x: number; y: number }>,
  highlight: readonly string[],
): ViewPart {
  const entities = Object.keys(state.canvas.nodes);
  return {
    entities,
    positions: entities.flatMap((entity) => {
      const at = drawn[entity];
      return at ? [{ entity, x: Math.round(at.x), y: Math.round(at.y) }] : [];
    }),
    asOf: state.asOf,
    highlight: [...highlight],
    selected: state.selected ?? state.selectedEdge,
  };
}

/** Saves the story whole at the version read, and puts what was saved in the cache. */
function useSaveStory() {
  const client = useQueryClient();
  return async (input: StoryInput, version: string) => {
    const saved = await saveStory(input, version);
    client.setQueryData(storyKey(saved.id), saved);
    await client.invalidateQueries({ queryKey: ['stories'] });
    return saved;
  };
}

const asInput = (story: Story): StoryInput => ({
  id: story.id,
  title: story.title,
  summary: story.summary,
  steps: story.steps.map(stepInput),
});

/** A step's title, caption, highlighted relationships and evidence; the view is the canvas's. */
export function StepForm({
  label,
  initial,
  submit,
  onSubmit,
  onCancel,
  keepView,
  children,
  extraProblem,
}: {
  label: string;
  initial: StoryStepInput | null;
  submit: string;
  onSubmit(step: StoryStepInput): Promise<void>;
  onCancel(): void;
  /** Offers to keep the step's own view rather than take the canvas's (editing a step). */
  keepView?: boolean;
  children?: ReactNode;
  extraProblem?: () => Problem | null;
}) {
  const state = useGraphState();
  const graph = useGraphActions();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [caption, setCaption] = useState(initial?.caption ?? '');
  const [useCanvas, setUseCanvas] = useState(!keepView);
  const edges = Object.values(state.canvas.edges);
  const [highlight, setHighlight] = useState<string[]>(() =>
    [
      ...(state.highlight?.edgeIds ?? []),
      ...(state.selectedEdge ? [state.selectedEdge] : []),
    ].filter((id, i, all) => all.indexOf(id) === i),
  );
  const kept = [...(initial?.evidence ?? [])];
  const [evidenceKept, setEvidenceKept] = useState(kept);
  const evidence = useEvidenceDraft([]);
  const { problem, busy, submit: write } = useWrite();
  const nodes = Object.values(state.canvas.nodes);
  const addsEvidence = evidenceKept.length === 0 || evidence.draft.quote.trim() !== '';

  const save = write(
    async () => {
      const cited = addsEvidence ? [await evidence.write()] : [];
      const view =
        useCanvas || !initial ? currentView(state, graph.positions(), highlight) : initial;
      await onSubmit({
        title: title.trim(),
        caption: orNull(caption),
        entities: view.entities,
        positions: view.positions,
        asOf: view.asOf,
        highlight: view.highlight,
        selected: view.selected,
        evidence: [...evidenceKept, ...cited],
      });
    },
    () =>
      extraProblem?.() ??
      (title.trim() ? null : { field: 'title', message: 'A step needs a title.' }) ??
      (useCanvas && nodes.length === 0
        ? { message: 'The canvas is empty: draw what the step shows first.' }
        : null) ??
      datesProblem({ published: evidence.draft.published }) ??
      (addsEvidence ? evidence.problem() : null),
  );

  return (
    <form
      className="entity-editor story-step-form"
      aria-label={label}
      onSubmit={save as (e: FormEvent) => void}
    >
      {children}
      <TextInput
        label="Step title"
        field="title"
        value={title}
        onChange={setTitle}
        problem={problem}
      />
      <TextInput
        label="Caption (Markdown)"
        field="caption"
        value={caption}
        onChange={setCaption}
        problem={problem}
        multiline
      />
      {keepView && (
        <label>
          <input
            type="checkbox"
            checked={useCanvas}
            onChange={(e) => setUseCanvas(e.target.checked)}
          />{' '}
          Take the canvas's view (entities, positions, date, selection)
        </label>
      )}
      {useCanvas && edges.length > 0 && (
        <fieldset className="story-highlight">
          <legend>Highlight</legend>
          {edges.map((edge) => (
            <label key={edge.id}>
              <input
                type="checkbox"
                checked={highlight.includes(edge.id)}
                onChange={(e) =>
                  setHighlight((now) =>
                    e.target.checked ? [...now, edge.id] : now.filter((id) => id !== edge.id),
                  )
                }
              />{' '}
              {state.canvas.nodes[edge.source]?.name} {edge.label}{' '}
              {state.canvas.nodes[edge.target]?.name}
            </label>
          ))}
        </fieldset>
      )}
      {evidenceKept.length > 0 && (
        <ul className="story-evidence-kept" aria-label="Evidence cited">
          {evidenceKept.map((item, i) => (
            <li key={`${item.source}:${item.quote ?? ''}`}>
              {item.source}
              {item.quote ? `: “${item.quote}”` : ''}{' '}
              <button
                type="button"
                onClick={() => setEvidenceKept((now) => now.filter((_, k) => k !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <EvidenceFields state={evidence} problem={problem} publishers={nodes} />
      <FormProblem problem={problem} fields={['title', 'caption', ...EVIDENCE_FIELDS]} />
      <FormActions busy={busy} submit={submit} onCancel={onCancel} />
    </form>
  );
}

type Editing = null | 'add' | 'edit' | 'delete';

/** An editor's changes to the open story, each saved at once at the version read. */
export function StoryEditing({
  story,
  index,
  onMoved,
}: {
  story: Story;
  index: number;
  onMoved(step: number): void;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const save = useSaveStory();
  const { goTo } = useStoryPlace();
  const client = useQueryClient();
  const { problem, busy, run } = useWrite();
  const steps = asInput(story).steps;
  const current = steps[index] ?? null;

  const write = (next: StoryStepInput[], go: number) =>
    run(async () => {
      await save({ ...asInput(story), steps: next }, story.version);
      onMoved(go);
    });
  const move = (by: number) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    void write(next, index + by);
  };

  if (editing === 'add' || editing === 'edit') {
    const adding = editing === 'add';
    return (
      <StepForm
        label={adding ? 'New step' : 'Edit step'}
        initial={adding ? null : current}
        keepView={!adding}
        submit={adding ? 'Add step' : 'Save step'}
        onCancel={() => setEditing(null)}
        onSubmit={async (step) => {
          const next = [...steps];
          if (adding) next.splice(index + 1, 0, step);
          else next[index] = step;
          await save({ ...asInput(story), steps: next }, story.version);
          setEditing(null);
          onMoved(adding ? index + 1 : index);
        }}
      />
    );
  }
  return (
    <fieldset className="story-editing">
      <legend>Edit the story</legend>
      <button type="button" onClick={() => setEditing('add')}>
        Add this view as a step
      </button>
      <button type="button" onClick={() => setEditing('edit')}>
        Edit this step
      </button>
      <button type="button" disabled={busy || index === 0} onClick={() => move(-1)}>
        Move earlier
      </button>
      <button type="button" disabled={busy || index === steps.length - 1} onClick={() => move(1)}>
        Move later
      </button>
      <button
        type="button"
        disabled={busy || steps.length === 1}
        onClick={() =>
          void write(
            steps.filter((_, i) => i !== index),
            Math.max(0, index - 1),
          )
        }
      >
        Remove this step
      </button>
      {editing === 'delete' ? (
        <span>
          Delete “{story.title}” for everyone?{' '}
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                await deleteStory(story.id, story.version);
                await client.invalidateQueries({ queryKey: ['stories'] });
                goTo(null);
              })
            }
          >
            Delete story
          </button>{' '}
          <button type="button" onClick={() => setEditing(null)}>
            Keep it
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setEditing('delete')}>
          Delete story…
        </button>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem.message}
        </p>
      )}
    </fieldset>
  );
}

/** Creates a story whose first step is the canvas's view; its id is made from its title. */
export function NewStoryForm({ onDone }: { onDone(): void }) {
  const [title, setTitle] = useState('');
  const save = useSaveStory();
  const { goTo } = useStoryPlace();
  return (
    <StepForm
      label="New story"
      initial={null}
      submit="Create story"
      onCancel={onDone}
      extraProblem={() =>
        title.trim() ? null : { field: 'story', message: 'A story needs a title.' }
      }
      onSubmit={async (step) => {
        const id = idFromName(title);
        await save({ id, title: title.trim(), steps: [step] }, NEW_RECORD);
        onDone();
        goTo({ id, step: 0 });
      }}
    >
      <TextInput
        label="Story title"
        field="story"
        value={title}
        onChange={setTitle}
        problem={null}
      />
    </StepForm>
  );
}
