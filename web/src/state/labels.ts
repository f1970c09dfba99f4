// How the ontology names a relationship and a status: read in one place for every view.
import type { Ontology } from '../api/types.ts';

/**
 * How a relationship reads from one of its ends: its label from `from`, the type's inverse label
 * from `to` ("founded" / "was founded by"). A symmetric type reads the same both ways.
 */
export function labelFrom(
  rel: { type: string; label: string; from: { id: string } },
  here: string,
  ontology: Pick<Ontology, 'relationshipTypes'>,
): string {
  if (rel.from.id === here) return rel.label;
  const info = ontology.relationshipTypes.find((t) => t.type === rel.type);
  return info?.inverseLabel ?? rel.label;
}

/** A status as the ontology names it ("frozen"); its enum name in lower case if unknown. */
export function statusLabel(ontology: Pick<Ontology, 'statuses'>, status: string): string {
  return ontology.statuses.find((s) => s.status === status)?.label ?? status.toLowerCase();
}
