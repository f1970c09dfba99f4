import { ENTITY_KINDS, type EntityKind } from '../domain/entity-kinds.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationship-types.ts';
import type { Database } from './database.ts';

export interface StatsRow {
  entities: number;
  relationships: number;
  sources: number;
  byKind: { kind: EntityKind; count: number }[];
  byType: { type: RelationshipType; count: number }[];
}

/** One count-store lookup per allow-listed label and type: constant time, whatever the size. */
const STATS = `
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
${ENTITY_KINDS.map((kind) => `CALL () { MATCH (n:${kind}) RETURN count(n) AS kind_${kind} }`).join('\n')}
${RELATIONSHIP_TYPES.map((type) => `CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS type_${type} }`).join('\n')}
RETURN *`;

export async function readStats(db: Database): Promise<StatsRow> {
  const [row = {}] = await db.read<Record<string, number>>(STATS);
  const byKind = ENTITY_KINDS.map((kind) => ({ kind, count: row[`kind_${kind}`] ?? 0 }));
  const byType = RELATIONSHIP_TYPES.map((type) => ({ type, count: row[`type_${type}`] ?? 0 }));
  return {
    entities: byKind.reduce((sum, item) => sum + item.count, 0),
    relationships: byType.reduce((sum, item) => sum + item.count, 0),
    sources: row.sources ?? 0,
    byKind,
    byType,
  };
}
