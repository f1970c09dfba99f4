import DataLoader from 'dataloader';
import type { Database } from '../db/database.ts';
import { findEntitiesByIds } from '../db/entity-repository.ts';
import { findMeasuresByIds, type StoredMeasures } from '../db/measure-repository.ts';
import { findSourcesByIds } from '../db/source-repository.ts';
import type { EntityView, SourceView } from '../validation/records.ts';

/** Per-request loaders: every entity or source a request touches is fetched in one batch. */
export function createLoaders(db: Database) {
  const byId =
    <T extends { id: string }>(find: (db: Database, ids: readonly string[]) => Promise<T[]>) =>
    async (ids: readonly string[]): Promise<(T | null)[]> => {
      const found = new Map((await find(db, ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    };
  const entity = new DataLoader<string, EntityView | null>(byId(findEntitiesByIds));
  const source = new DataLoader<string, SourceView | null>(byId(findSourcesByIds));
  /** The measures the job stored on each entity (null when never measured). */
  const measures = new DataLoader<string, StoredMeasures | null>(byId(findMeasuresByIds));
  /**
   * Entities the request has read as a whole (a subgraph, a page), at hand without a promise: a
   * neighbourhood's edges name their ends hundreds of times, and each DataLoader hit costs one.
   */
  const known = new Map<string, EntityView>();
  return {
    entity,
    source,
    measures,
    /** The entity with this id: at once if the request has read it, else in the next batch. */
    entityById(id: string): EntityView | Promise<EntityView | null> {
      return known.get(id) ?? entity.load(id);
    },
    /** Entities a query already read need no second trip. */
    primeEntities(entities: readonly EntityView[]) {
      for (const item of entities) {
        if (known.has(item.id)) continue;
        known.set(item.id, item);
        entity.prime(item.id, item);
      }
    },
    /** After a write: this entity as written. */
    replaceEntity(item: EntityView) {
      known.set(item.id, item);
      entity.clear(item.id).prime(item.id, item);
    },
    /** After a write that changed entities other than the one returned (degrees, merges). */
    forgetEntities() {
      known.clear();
      entity.clearAll();
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
