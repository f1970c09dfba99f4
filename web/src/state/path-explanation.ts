import type { Evidence, Ontology, Path } from '../api/types.ts';

/** One hop of a path, read in the direction of travel. */
export interface Hop {
  edgeId: string;
  text: string;
  evidence: Evidence[];
}

/** "frozen, 2018-06-13", "ended, 2005 – 2024-07-20", "" for an undated active tie. */
export function qualifiers(
  edge: { status: string; since: string | null; until: string | null },
  ontology: Ontology,
): string {
  const parts: string[] = [];
  if (edge.status !== 'ACTIVE') {
    const info = ontology.statuses.find((s) => s.status === edge.status);
    parts.push(info?.label ?? edge.status.toLowerCase());
  }
  if (edge.since && edge.until) parts.push(`${edge.since} – ${edge.until}`);
  else if (edge.since) parts.push(edge.since);
  else if (edge.until) parts.push(`until ${edge.until}`);
  return parts.join(', ');
}

/**
 * A path as readable lines, one per hop: "Kaspersky Lab — cooperates with (frozen, 2018-06-13)
 * → Europol". A hop walked against the stored direction reads with the inverse label.
 */
export function explainPath(path: Path, ontology: Ontology): Hop[] {
  return path.edges.map((edge, index) => {
    const here = path.nodes[index];
    const there = path.nodes[index + 1];
    const forward = edge.from.id === here?.id;
    const info = ontology.relationshipTypes.find((t) => t.type === edge.type);
    const verb = forward ? edge.label : (info?.inverseLabel ?? edge.label);
    const detail = qualifiers(edge, ontology);
    const text = `${here?.name ?? '?'} — ${verb}${detail ? ` (${detail})` : ''} → ${there?.name ?? '?'}`;
    return { edgeId: edge.id, text, evidence: edge.evidence };
  });
}
