import type { RelationshipType } from '../domain/relationship-types.ts';
import type { DatasetContent, StatusPhaseRecord } from '../validation/records.ts';
import type { Transaction } from './database.ts';
import {
  LOOKUP_DATASET_PHASE_TARGETS,
  LOOKUP_PHASE_TARGETS,
  writeHistories,
} from './seed-cypher.ts';
import { historyProps, readHistory } from './stored-records.ts';

/**
 * Phases that datasets add to relationships of the datasets they require. A relationship keeps
 * every phase with the dataset that stated it; loading a dataset replaces its own phases and
 * leaves the others'. Each dataset's node lists the relationships it added phases to
 * (`phaseTargets`), so loading it again finds the phases it no longer states without a scan.
 */

export interface PhaseCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export function emptyPhaseCounts(): PhaseCounts {
  return { created: 0, updated: 0, unchanged: 0, removed: 0 };
}

/** The relationships a dataset adds phases to: kept on its node. */
export function phaseTargets(content: DatasetContent): string[] | null {
  const ids = [...new Set(content.phases.map((phase) => phase.relationship))];
  return ids.length > 0 ? ids.sort() : null;
}

/** Before the datasets' nodes are rewritten: the targets each had when it was last loaded. */
export async function readPhaseTargets(
  tx: Transaction,
  datasets: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await tx.run<{ id: string; targets: string[] }>(LOOKUP_DATASET_PHASE_TARGETS, {
    ids: [...datasets],
  });
  return new Map(rows.map((row) => [row.id, row.targets]));
}

const phaseKey = (phase: StatusPhaseRecord) => `${phase.dataset ?? ''} ${phase.since}`;
const same = (a: StatusPhaseRecord, b: StatusPhaseRecord) =>
  JSON.stringify(historyProps([a]).history) === JSON.stringify(historyProps([b]).history);

/**
 * Writes the phases the datasets add. A dataset given whole (`whole`) states all its phases,
 * so its phases on relationships it no longer names go; one given in part (FtM, CSV) only adds
 * and updates. Counts per dataset: a phase is identified by its dataset and date.
 */
export async function writePhaseAdditions(
  tx: Transaction,
  contents: readonly DatasetContent[],
  previousTargets: Map<string, string[]>,
  whole: ReadonlySet<string>,
): Promise<Map<string, PhaseCounts>> {
  const counts = new Map(contents.map((c) => [c.dataset.id, emptyPhaseCounts()]));
  const stated = new Map<string, StatusPhaseRecord[]>();
  for (const content of contents) {
    for (const { relationship, ...phase } of content.phases) {
      stated.set(relationship, [
        ...(stated.get(relationship) ?? []),
        { ...phase, dataset: content.dataset.id },
      ]);
    }
  }
  const targets = new Set([...stated.keys()]);
  for (const id of whole) for (const target of previousTargets.get(id) ?? []) targets.add(target);
  if (targets.size === 0) return counts;

  const found = await tx.run<{
    id: string;
    type: RelationshipType;
    dataset: string;
    history: unknown;
  }>(LOOKUP_PHASE_TARGETS, { ids: [...targets] });
  const writes = new Map<RelationshipType, { id: string; props: Record<string, unknown> }[]>();
  for (const rel of found) {
    const before = readHistory(rel.history);
    const incoming = stated.get(rel.id) ?? [];
    const replaced = new Set(incoming.map((phase) => phase.dataset));
    for (const id of whole) if (id !== rel.dataset) replaced.add(id);
    const kept = before.filter((phase) => !replaced.has(phase.dataset));
    const old = new Map(
      before.filter((phase) => replaced.has(phase.dataset)).map((p) => [phaseKey(p), p]),
    );
    let changed = false;
    for (const phase of incoming) {
      const count = counts.get(phase.dataset ?? '');
      const previous = old.get(phaseKey(phase));
      old.delete(phaseKey(phase));
      const outcome = !previous ? 'created' : same(previous, phase) ? 'unchanged' : 'updated';
      if (count) count[outcome] += 1;
      if (outcome !== 'unchanged') changed = true;
    }
    for (const gone of old.values()) {
      const count = counts.get(gone.dataset ?? '');
      if (count) count.removed += 1;
      changed = true;
    }
    if (!changed) continue;
    const list = writes.get(rel.type) ?? [];
    list.push({ id: rel.id, props: historyProps([...kept, ...incoming]) });
    writes.set(rel.type, list);
  }
  for (const [type, rows] of writes) await tx.run(writeHistories(type), { rows });
  return counts;
}
