import { seededRandom } from '../../server/src/domain/seeded-random.ts';
import type { DatasetContent } from '../../server/src/validation/records.ts';
import { createSources, generateEntities } from './synthetic-entities.ts';
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
  /** Called every 10,000 records made, and at the end of each kind of record. */
  onProgress?: (progress: SyntheticProgress) => void;
}

export interface SyntheticProgress {
  phase:
    | 'generating entities'
    | 'generating relationships'
    | 'writing entities'
    | 'writing relationships';
  done: number;
  total: number;
}

/** Records between two progress reports. */
export const PROGRESS_STEP = 10_000;

const RELATIONSHIPS_PER_ENTITY = 3;

/** The synthetic dataset's title, which names its size and seed. */
export function syntheticTitle(entities: number, seed: number): string {
  return `Synthetic organisations (${entities} entities, seed ${seed})`;
}

export function generateSynthetic(options: SyntheticOptions): DatasetContent {
  const { entities: total, seed = 1, datasetId = 'synthetic' } = options;
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`entities must be a whole number >= 0, got ${total}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const report = (phase: SyntheticProgress['phase'], total: number) => (done: number) => {
    if (done % PROGRESS_STEP === 0) options.onProgress?.({ phase, done, total });
  };
  const rng = seededRandom(seed);
  const graph = generateEntities(total, rng, report('generating entities', total));
  options.onProgress?.({ phase: 'generating entities', done: total, total });
  const sources = createSources(graph.pools.get('MediaOutlet'), graph.entities, rng);
  const target = total * RELATIONSHIPS_PER_ENTITY;
  const relationships = generateRelationships(
    graph,
    sources,
    target,
    rng,
    report('generating relationships', target),
  );
  const made = relationships.length;
  options.onProgress?.({ phase: 'generating relationships', done: made, total: made });

  return {
    dataset: {
      id: datasetId,
      title: syntheticTitle(total, seed),
      requires: [],
    },
    phases: [],
    sources,
    entities: graph.entities,
    relationships,
  };
}
