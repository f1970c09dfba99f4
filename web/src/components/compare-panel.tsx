import type { Change } from '../api/types.ts';
import { changeEvidence } from '../state/changes.ts';
import type { Comparison } from '../state/explorer.ts';
import { statusLabel } from '../state/labels.ts';
import type { ComparisonState } from '../state/use-comparison.ts';
import { EvidenceList } from './evidence.tsx';
import { useOntology } from './ontology.tsx';
import './compare.css';

export interface ComparePanelProps {
  compare: Comparison;
  comparison: ComparisonState;
  /** Relationships drawn on the canvas; the others are listed as such. */
  onCanvas: ReadonlySet<string>;
  onCompare(compare: Comparison): void;
  onSelectEdge(id: string): void;
}

const KIND_LABELS: Record<Change['kind'], string> = {
  STARTED: 'started',
  ENDED: 'ended',
  STATUS_CHANGED: 'changed status',
};

/**
 * Compare two dates: what started, ended or changed status after "from" and by "to" among the
 * relationships of the entities on the canvas, each change with its date and evidence. The
 * canvas marks the changed lines.
 */
export function ComparePanel(props: ComparePanelProps) {
  const { compare, comparison, onCanvas, onCompare } = props;
  const { fetched } = comparison;
  const ontology = useOntology();
  const status = (value: string | null) => (value ? statusLabel(ontology, value) : '—');
  const dateInput = (end: 'from' | 'to', label: string) => (
    <label>
      {label}
      <input
        type="date"
        value={compare[end] ?? ''}
        onChange={(event) => onCompare({ ...compare, [end]: event.target.value || null })}
      />
    </label>
  );
  return (
    <section aria-label="Compare dates" className="compare">
      <h2>Compare</h2>
      <div className="compare-dates">
        {dateInput('from', 'Compare from')}
        {dateInput('to', 'Compare to')}
        <button
          type="button"
          disabled={!compare.from && !compare.to}
          onClick={() => onCompare({ from: null, to: null })}
        >
          Clear comparison
        </button>
      </div>
      {compare.from && compare.to && !comparison.dates && (
        <p className="hint">"Compare from" must be before "Compare to".</p>
      )}
      {fetched?.status === 'loading' && <p className="hint">Comparing…</p>}
      {fetched?.status === 'error' && (
        <p role="alert" className="error">
          {fetched.message}{' '}
          <button type="button" onClick={comparison.retry}>
            Retry
          </button>
        </p>
      )}
      {fetched?.status === 'done' && (
        <>
          <p className="hint">
            {fetched.changes.length === 0
              ? 'Nothing changed between these dates.'
              : `${fetched.changes.length} changes, in date order:`}
          </p>
          <ol className="changes" aria-label="Changes">
            {fetched.changes.map((change) => (
              <ChangeItem
                key={`${change.relationship.id}:${change.kind}:${change.date}`}
                change={change}
                kind={KIND_LABELS[change.kind]}
                fromTo={`${status(change.fromStatus)} → ${status(change.toStatus)}`}
                drawn={onCanvas.has(change.relationship.id)}
                onSelect={() => props.onSelectEdge(change.relationship.id)}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function ChangeItem(props: {
  change: Change;
  kind: string;
  fromTo: string;
  drawn: boolean;
  onSelect(): void;
}) {
  const { change, drawn } = props;
  const rel = change.relationship;
  return (
    <li className={`change change-${change.kind.toLowerCase()}`}>
      <div>
        <time>{change.date}</time> <strong>{props.kind}</strong>{' '}
        <span className="hint">({props.fromTo})</span>
      </div>
      <button type="button" className="link" onClick={props.onSelect}>
        {rel.from.name} {rel.label} {rel.to.name}
      </button>
      {!drawn && <span className="hint"> (not on the canvas)</span>}
      <EvidenceList evidence={changeEvidence(change)} />
    </li>
  );
}
