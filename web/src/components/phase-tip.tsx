import type { Ontology, PhaseSpan } from '../api/types.ts';
import { useRelationship } from '../api/use-queries.ts';
import { statusLabel } from '../state/labels.ts';
import { EvidenceList } from './evidence.tsx';
import { useOntology } from './ontology.tsx';
import './timeline.css';

/** The phase under the pointer on the timeline, and where the pointer is in the window. */
export interface Hovered {
  id: string;
  bar: PhaseSpan & { index: number };
  x: number;
  y: number;
}

/** "2016-07-25 – 2018-06-13", "from 2018-06-13", "until 2005", "undated". */
export function phaseDates({ since, until }: { since: string | null; until: string | null }) {
  if (since && until) return `${since} – ${until}`;
  if (since) return `from ${since}`;
  if (until) return `until ${until}`;
  return 'undated';
}

/** A phase in words, for screen readers: "frozen from 2018-06-13". */
export function phaseText(phase: PhaseSpan, ontology: Pick<Ontology, 'statuses'>): string {
  return `${statusLabel(ontology, phase.status)} ${phaseDates(phase)}`;
}

const TIP_WIDTH = 360;

/** Above the pointer (the timeline sits at the bottom), on whichever side has room. */
function placeNear({ x, y }: { x: number; y: number }) {
  const bottom = window.innerHeight - y + 12;
  return x + 12 + TIP_WIDTH > window.innerWidth
    ? { right: window.innerWidth - x + 12, bottom }
    : { left: x + 12, bottom };
}

/**
 * The evidence of the hovered phase (quote and source), fetched with the relationship's history
 * when the pointer first rests on one of its phases.
 */
export function PhaseTip({ hovered }: { hovered: Hovered }) {
  const { fetched } = useRelationship(hovered.id);
  const ontology = useOntology();
  const { bar } = hovered;
  const phase = fetched.status === 'done' ? fetched.relationship?.history[bar.index] : undefined;
  return (
    <div role="tooltip" className="phase-tip" style={placeNear(hovered)}>
      <strong>{statusLabel(ontology, bar.status)}</strong> {phaseDates(bar)}
      {phase?.note && <p>{phase.note}</p>}
      {fetched.status === 'loading' && <p className="hint">Loading the evidence…</p>}
      {fetched.status === 'error' && <p className="error">{fetched.message}</p>}
      {phase &&
        (phase.evidence.length > 0 ? (
          <EvidenceList evidence={phase.evidence} />
        ) : (
          <p className="hint">No evidence recorded.</p>
        ))}
    </div>
  );
}
