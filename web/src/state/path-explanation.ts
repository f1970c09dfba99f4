import type { Evidence, Ontology, Path, PhaseSpan } from '../api/types.ts';
import { labelFrom, statusLabel } from './labels.ts';
import { isDefaultStatus, phaseInForce } from './status.ts';

/** One hop of a path, read in the direction of travel. */
export interface Hop {
  edgeId: string;
  text: string;
  evidence: Evidence[];
}

/**
 * "frozen, 2018-06-13", "ended, 2005 – 2024-07-20", "" for an undated active tie; a status
 * that a later phase brought says when: "frozen from 2018-06-13; began 2016-07-25". `status`
 * is the one in force at `asOf` (the latest without one), as the API answers it.
 */
export function qualifiers(
  edge: { status: string; since: string | null; until: string | null; history?: PhaseSpan[] },
  ontology: Ontology,
  asOf: string | null = null,
): string {
  const parts: string[] = [];
  const history = edge.history ?? [];
  const phase = history.length > 1 ? phaseInForce(history, asOf) : undefined;
  const from = phase && phase !== history[0] ? phase.since : null;
  const status = phase?.status ?? edge.status;
  if (!isDefaultStatus(status) || from) {
    const label = statusLabel(ontology, status);
    parts.push(from ? `${label} from ${from}` : label);
  }
  if (from && edge.since && !edge.until) return `${parts.join('')}; began ${edge.since}`;
  if (edge.since && edge.until) parts.push(`${edge.since} – ${edge.until}`);
  else if (edge.since) parts.push(edge.since);
  else if (edge.until) parts.push(`until ${edge.until}`);
  return parts.join(', ');
}

/**
 * A path as readable lines, one per hop: "Kaspersky Lab — cooperates with (frozen, 2018-06-13)
 * → Europol", with its evidence. A hop walked against the stored direction reads with the
 * inverse label. `asOf` is the date the paths were asked for.
 */
export function explainPath(path: Path, ontology: Ontology, asOf: string | null = null): Hop[] {
  return path.edges.map((edge, index) => {
    const here = path.nodes[index];
    const there = path.nodes[index + 1];
    const verb = labelFrom(edge, here?.id ?? edge.from.id, ontology);
    const detail = qualifiers(edge, ontology, asOf);
    const text = `${here?.name ?? '?'} — ${verb}${detail ? ` (${detail})` : ''} → ${there?.name ?? '?'}`;
    // A status a later phase brought is backed by that phase's evidence first, then the tie's.
    const phase = phaseInForce(edge.history, asOf);
    const later = phase && phase !== edge.history[0] ? phase.evidence : [];
    return { edgeId: edge.id, text, evidence: [...later, ...edge.evidence] };
  });
}
