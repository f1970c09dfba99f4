import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchRevisions, type Revision, revertTo } from '../api/curation.ts';
import { useEditorSession } from '../state/editor-session.tsx';

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

/**
 * A record's revisions, newest first: who changed what and why. Editors can write the record
 * back as any earlier revision left it (a new revision itself).
 */
export function RevisionHistory({ id, onReverted }: { id: string; onReverted?(): void }) {
  const { editor } = useEditorSession();
  const queries = useQueryClient();
  const query = useQuery({ queryKey: ['revisions', id], queryFn: () => fetchRevisions(id) });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const revert = async (revision: Revision) => {
    setBusy(true);
    setError(null);
    try {
      await revertTo(revision.id);
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['revisions', id] }),
        queries.invalidateQueries({ queryKey: ['entity', id] }),
        queries.invalidateQueries({ queryKey: ['relationship', id] }),
      ]);
      onReverted?.();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="revision-history" aria-label="Revision history">
      <h3>Changes</h3>
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
