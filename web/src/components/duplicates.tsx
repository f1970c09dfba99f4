import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Candidate,
  fetchDuplicateCandidates,
  fetchMergePreview,
  type MergePreview,
  mergeEntities,
} from '../api/curation.ts';
import { forgetReads } from '../api/query-client.ts';
import { useCanvasRequests, useSelection } from '../state/explorer-hooks.ts';
import { FormProblem, useWrite } from './form-parts.tsx';
import { KindBadge } from './ontology.tsx';

const percent = (score: number) => `${Math.round(score * 100)} %`;

/**
 * Entities likely the same as this one (`duplicateCandidates`), each with why; an editor
 * previews a merge (what moves, what becomes an alias, what is deleted) and then makes it.
 */
export function DuplicateCandidates({ entity }: { entity: { id: string; name: string } }) {
  const query = useQuery({
    queryKey: ['duplicates', entity.id],
    queryFn: () => fetchDuplicateCandidates(entity.id),
  });
  const [merging, setMerging] = useState<{ keep: string; drop: string } | null>(null);
  return (
    <section className="duplicates" aria-label="Possible duplicates">
      <h3>Possible duplicates</h3>
      {query.status === 'pending' && <p className="hint">Looking for duplicates…</p>}
      {query.status === 'error' && (
        <p role="alert" className="error">
          {String(query.error)}
        </p>
      )}
      {query.data?.length === 0 && <p className="hint">None found.</p>}
      {query.data && query.data.length > 0 && (
        <ul>
          {query.data.map((candidate) => (
            <CandidateItem
              key={candidate.entity.id}
              candidate={candidate}
              onMerge={() => setMerging({ keep: entity.id, drop: candidate.entity.id })}
            />
          ))}
        </ul>
      )}
      {merging && (
        <MergePreviewPanel
          pair={merging}
          onSwap={() => setMerging({ keep: merging.drop, drop: merging.keep })}
          onDone={() => setMerging(null)}
        />
      )}
    </section>
  );
}

function CandidateItem({ candidate, onMerge }: { candidate: Candidate; onMerge(): void }) {
  const { entity, score, reasons, certain } = candidate;
  return (
    <li className="candidate" data-candidate={entity.id}>
      <span className="candidate-head">
        <strong>{entity.name}</strong> <KindBadge kind={entity.kind} showLabel={false} />
        {entity.country && <span className="country"> {entity.country}</span>}{' '}
        <span className="score">{percent(score)}</span>
        {certain && <span className="certain"> certain</span>}
      </span>
      <span className="hint">{reasons.join(' ')}</span>
      <button type="button" className="small" onClick={onMerge}>
        Merge…
      </button>
    </li>
  );
}

function RelationshipLines({ rels }: { rels: MergePreview['moved'] }) {
  return (
    <ul>
      {rels.map((rel) => (
        <li key={rel.id}>
          {rel.from.name} {rel.label} {rel.to.name}
        </li>
      ))}
    </ul>
  );
}

/** What the merge would do, read from the API; merging sends the versions it was read at. */
function MergePreviewPanel({
  pair,
  onSwap,
  onDone,
}: {
  pair: { keep: string; drop: string };
  onSwap(): void;
  onDone(): void;
}) {
  const queries = useQueryClient();
  const { redraw } = useCanvasRequests();
  const { select } = useSelection();
  const preview = useQuery({
    queryKey: ['merge-preview', pair.keep, pair.drop],
    queryFn: () => fetchMergePreview(pair.keep, pair.drop),
    staleTime: 0,
  });
  const [comment, setComment] = useState('');
  const { problem, busy, run } = useWrite();

  if (preview.status === 'pending') return <p className="hint">Reading what would move…</p>;
  if (preview.status === 'error') {
    return (
      <p role="alert" className="error">
        {String(preview.error)}
      </p>
    );
  }
  const { keep, drop, aliases, moving, moved, removed, sources } = preview.data;
  const merge = () =>
    run(async () => {
      const kept = await mergeEntities(preview.data, comment.trim());
      await forgetReads(queries);
      await redraw([drop.id], [kept.id]);
      select(kept.id);
      onDone();
    });
  return (
    <section className="merge-preview" aria-label="Merge preview">
      <h4>
        Merge {drop.name} into {keep.name}
      </h4>
      <p>
        {keep.name} stays; {drop.name} is deleted (its history stays, and the merge can be undone).
      </p>
      <p>
        {moving === 0
          ? `${drop.name} has no relationship to move.`
          : `${moving} relationship${moving === 1 ? '' : 's'} move${moving === 1 ? 's' : ''} to ${keep.name}, with their ids and evidence:`}
      </p>
      {moved.length > 0 && <RelationshipLines rels={moved} />}
      {moving > moved.length && <p className="hint">and {moving - moved.length} more.</p>}
      {removed.length > 0 && (
        <>
          <p>Relationships between the two, deleted:</p>
          <RelationshipLines rels={removed} />
        </>
      )}
      <p>
        {keep.name} will be known as: {aliases.length > 0 ? aliases.join(' · ') : '—'}
      </p>
      {sources > 0 && (
        <p>
          {sources} source{sources === 1 ? '' : 's'} naming {drop.name} as publisher or author will
          name {keep.name}.
        </p>
      )}
      <label>
        Comment (why, kept with the revision)
        <input value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      <FormProblem problem={problem} fields={[]} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={merge}>
          {busy ? 'Merging…' : 'Merge'}
        </button>
        <button type="button" onClick={onSwap}>
          Keep {drop.name} instead
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </section>
  );
}
