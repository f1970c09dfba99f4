import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchRevisions, type Revision, revertTo, undoChange } from '../api/curation.ts';
import { forgetReads } from '../api/query-client.ts';
import { useEditorSession } from '../state/editor-session.tsx';
import { useCanvasRequests } from '../state/explorer-hooks.ts';
import { FormProblem, useWrite } from './form-parts.tsx';

const ACTION_LABELS: Record<Revision['action'], string> = {
  CREATED: 'created',
  UPDATED: 'edited',
  DELETED: 'deleted',
  MERGED: 'merged',
  REVERTED: 'reverted',
};

/** A field's value as JSON, shown plainly: strings without quotes, lists joined. */
function shown(json: string | null): string {
  if (json === null) return '—';
  const value: unknown = JSON.parse(json);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(' · ');
  }
  return json;
}

const when = (at: string) => at.replace('T', ' ').slice(0, 16);

/** Writes of several records at once, undone as one (revertChange): their button's label. */
const UNDO_LABELS: Partial<Record<Revision['action'], string>> = {
  MERGED: 'Undo this merge',
  DELETED: 'Undo this delete',
};

/**
 * A record's revisions, newest first: who changed what and why. Editors can write the record
 * back as any earlier revision left it (a new revision itself), and undo a merge or a delete
 * whole, every record it changed with it.
 */
export function RevisionHistory({ id, onReverted }: { id: string; onReverted?(): void }) {
  const { editor } = useEditorSession();
  const { redraw } = useCanvasRequests();
  const queries = useQueryClient();
  const query = useQuery({ queryKey: ['revisions', id], queryFn: () => fetchRevisions(id) });
  const { problem, busy, run } = useWrite();
  const write = (work: () => Promise<void>) =>
    run(async () => {
      await work();
      onReverted?.();
    });
  const revert = (revision: Revision) =>
    write(async () => {
      await revertTo(revision.id);
      await forgetReads(queries);
    });
  const undo = (revision: Revision) =>
    write(async () => {
      const written = await undoChange(revision.change);
      await forgetReads(queries);
      const entities = written.filter((item) => item.recordKind === 'ENTITY');
      await redraw(
        entities.filter((item) => item.after === null).map((item) => item.recordId),
        entities.filter((item) => item.after !== null).map((item) => item.recordId),
      );
    });

  return (
    <section className="revision-history" aria-label="Revision history">
      <h3>History</h3>
      {query.status === 'pending' && <p className="hint">Loading its history…</p>}
      {query.status === 'error' && (
        <p role="alert" className="error">
          {String(query.error)}
        </p>
      )}
      {query.data && query.data.length === 0 && (
        <p className="hint">No edits through the explorer or the API: as its dataset has it.</p>
      )}
      {query.data && query.data.length > 0 && (
        <ol>
          {query.data.map((revision, index) => (
            <li key={revision.id} data-revision={revision.id}>
              <span className="revision-head">
                <strong>{revision.editor}</strong> {ACTION_LABELS[revision.action]}{' '}
                <time dateTime={revision.at}>{when(revision.at)}</time>
              </span>
              {revision.comment && <q className="revision-comment">{revision.comment}</q>}
              {revision.action !== 'CREATED' && revision.changes.length > 0 && (
                <ul className="revision-changes">
                  {revision.changes.map((change) => (
                    <li key={change.field}>
                      {change.field}: {shown(change.before)} → {shown(change.after)}
                    </li>
                  ))}
                </ul>
              )}
              {editor && index === 0 && UNDO_LABELS[revision.action] && (
                <button
                  type="button"
                  className="small"
                  disabled={busy}
                  onClick={() => undo(revision)}
                >
                  {UNDO_LABELS[revision.action]}
                </button>
              )}
              {editor && index > 0 && (
                <button
                  type="button"
                  className="small"
                  disabled={busy}
                  onClick={() => revert(revision)}
                >
                  Revert to this
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <FormProblem problem={problem} fields={[]} />
    </section>
  );
}
