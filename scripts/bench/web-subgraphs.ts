// The front-end benchmark's inputs: subgraphs of the synthetic graph, shaped as the API answers
// them.

import { generateSynthetic } from '../../seed/src/synthetic.ts';
import { RELATIONSHIP_TYPE_INFO } from '../../server/src/domain/relationship-types.ts';
import { phasesOf } from '../../server/src/domain/status-history.ts';
import { enumName } from '../../server/src/graphql/schema/enums.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import type {
  EntityKind,
  EntitySummary,
  Relationship,
  RelationshipStatus,
  Subgraph,
} from '../../web/src/api/types.ts';

/** Synthetic entities per node of the largest subgraph, so it is a part of a larger graph. */
export const SPREAD = 4;

/**
 * About N entities the way an analyst gathers them: breadth-first from one company, each entity
 * bringing at most HUB_CAP neighbours (as a neighbourhood fetch does), then every relationship
 * among them (as a shared view restores them). Larger sizes extend the smaller ones.
 */
export function subgraphs(sizes: number[], seed: number): Map<number, Subgraph> {
  const largest = Math.max(...sizes);
  const content = generateSynthetic({ entities: largest * SPREAD, seed });
  const neighbours = new Map<string, string[]>();
  for (const rel of content.relationships) {
    for (const [a, b] of [
      [rel.from, rel.to],
      [rel.to, rel.from],
    ] as const) {
      const list = neighbours.get(a) ?? [];
      list.push(b);
      neighbours.set(a, list);
    }
  }
  const degree = (id: string) => neighbours.get(id)?.length ?? 0;
  const start = content.entities.find((e) => e.kind === 'Company' && degree(e.id) >= 5);
  if (!start) throw new Error('the synthetic graph has no company with five relationships');
  const order = [start.id];
  const seen = new Set(order);
  for (let i = 0; i < order.length && order.length < largest; i += 1) {
    for (const next of (neighbours.get(order[i] ?? '') ?? []).slice(0, HUB_CAP)) {
      if (seen.has(next)) continue;
      seen.add(next);
      order.push(next);
      if (order.length === largest) break;
    }
  }
  if (order.length < largest) throw new Error(`only ${order.length} entities are connected`);
  const byId = new Map(content.entities.map((e) => [e.id, e]));
  const ref = (id: string) => {
    const entity = byId.get(id);
    if (!entity) throw new Error(`no entity ${id}`);
    return { id, name: entity.name, kind: enumName(entity.kind) as EntityKind };
  };
  const result = new Map<number, Subgraph>();
  for (const size of sizes) {
    const ids = new Set(order.slice(0, size));
    const nodes: EntitySummary[] = [...ids].map((id) => {
      const entity = byId.get(id);
      return {
        ...ref(id),
        aliases: entity?.aliases ?? [],
        degree: degree(id),
        country: entity?.country ?? null,
      };
    });
    const edges: Relationship[] = content.relationships
      .filter((rel) => ids.has(rel.from) && ids.has(rel.to))
      .map((rel) => ({
        id: rel.id,
        type: rel.type,
        status: enumName(rel.status) as RelationshipStatus,
        since: rel.since ?? null,
        until: rel.until ?? null,
        label: RELATIONSHIP_TYPE_INFO[rel.type].label,
        dataset: content.dataset.id,
        from: ref(rel.from),
        to: ref(rel.to),
        history: phasesOf(rel).map((phase) => ({
          status: enumName(phase.status) as RelationshipStatus,
          since: phase.since ?? null,
          until: phase.until ?? null,
        })),
      }));
    result.set(size, { nodes, edges, hubs: [], truncated: false });
  }
  return result;
}
