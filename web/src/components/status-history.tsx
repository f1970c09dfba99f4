import type { StatusPhase } from '../api/types.ts';
import { statusLabel } from '../state/labels.ts';
import { EvidenceList } from './evidence.tsx';
import { DatasetName, useOntology } from './ontology.tsx';
import { phaseDates } from './phase-tip.tsx';

/** A relationship's history as a list: each phase's status, dates, note, dataset and evidence. */
export function StatusHistory({
  history,
  dataset,
}: {
  history: StatusPhase[];
  dataset: string | null;
}) {
  const ontology = useOntology();
  return (
    <ol className="status-history" aria-label="Status history">
      {history.map((phase) => {
        const info = ontology.statuses.find((item) => item.status === phase.status);
        return (
          <li key={`${phase.status}:${phase.since ?? ''}`}>
            <div>
              <span className="status-swatch" style={{ background: info?.colour }} />
              <strong>{statusLabel(ontology, phase.status)}</strong>{' '}
              <span className="hint">{phaseDates(phase)}</span>
              {phase.dataset && phase.dataset !== dataset && (
                <span className="hint">
                  {' '}
                  · <DatasetName id={phase.dataset} />
                </span>
              )}
            </div>
            {phase.note && <p>{phase.note}</p>}
            {phase.evidence.length > 0 ? (
              <EvidenceList evidence={phase.evidence} />
            ) : (
              <p className="hint">No evidence recorded.</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
