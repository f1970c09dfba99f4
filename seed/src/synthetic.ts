import type { DatasetContent } from '../../server/src/validation/records.ts';
import { createSources, generateEntities } from './synthetic-entities.ts';
import { mulberry32 } from './synthetic-random.ts';
import { generateRelationships } from './synthetic-relationships.ts';

/**
 * A deterministic synthetic dataset for scale tests and benchmarks: plausible names, a realistic
 * mix of kinds, and about three relationships per entity whose degrees are heavy-tailed (one end
 * of each edge is drawn from a Zipf distribution, the other uniformly), like real ownership and
 * membership graphs where a few bodies and countries gather thousands of links.
 */
export interface SyntheticOptions {
  /** How many entities to generate; relationships come to about three per entity. */
  entities: number;
  /** PRNG seed: the same (entities, seed) always gives the same dataset. Default 1. */
  seed?: number;
  /** The dataset id. Default "synthetic". */
  datasetId?: string;
}

const RELATIONSHIPS_PER_ENTITY = 3;

export function generateSynthetic(options: SyntheticOptions): DatasetContent {
  const { entities: total, seed = 1, datasetId = 'synthetic' } = options;
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`entities must be a whole number >= 0, got ${total}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const rng = mulberry32(seed);
  const graph = generateEntities(total, rng);
  const sources = createSources(graph.pools.get('MediaOutlet'), graph.entities, rng);
  const target = total * RELATIONSHIPS_PER_ENTITY;
  const relationships = generateRelationships(graph, sources, target, rng);

  return {
    dataset: {
      id: datasetId,
      title: `Synthetic organisations (${total} entities, seed ${seed})`,
      requires: [],
    },
    phases: [],
    sources,
    entities: graph.entities,
    relationships,
  };
}
