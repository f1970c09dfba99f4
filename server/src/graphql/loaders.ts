import DataLoader from 'dataloader';
import type { Database } from '../db/database.ts';
import { findEntitiesByIds } from '../db/entity-repository.ts';
import { findSourcesByIds } from '../db/source-repository.ts';
import type { EntityView, SourceView } from '../domain/records.ts';

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
  return {
    entity,
    source,
    /** Entities a query already read (a subgraph, a page) need no second trip. */
    primeEntities(entities: readonly EntityView[]) {
      for (const item of entities) entity.prime(item.id, item);
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
