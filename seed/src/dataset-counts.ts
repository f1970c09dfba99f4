import type { ReadDataset } from './model.ts';

/** How big a dataset is and how much of it is dated: what docs/DATASET-FORMAT.md states for each. */
export interface DatasetCounts {
  entities: number;
  relationships: number;
  /** Relationships with a `since`. */
  dated: number;
  /** Relationships with at least one phase, in their `history` or added under `phases:`. */
  withHistory: number;
  /** Phases the dataset adds to relationships of the datasets it requires. */
  addedPhases: number;
}

export function datasetCounts(read: ReadDataset): DatasetCounts {
  const own = new Set(read.relationships.map(({ record }) => record.id));
  const phased = new Set(
    read.phases.map(({ record }) => record.relationship).filter((id) => own.has(id)),
  );
  return {
    entities: read.entities.length,
    relationships: read.relationships.length,
    dated: read.relationships.filter(({ record }) => record.since !== undefined).length,
    withHistory: read.relationships.filter(
      ({ record }) => record.history.length > 0 || phased.has(record.id),
    ).length,
    addedPhases: read.phases.filter(({ record }) => !own.has(record.relationship)).length,
  };
}
