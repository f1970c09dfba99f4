// The as-of benchmark's workloads: as-of neighbourhoods and paths, each as the repository asks
// them today and as it asked them before relationships carried a status history.

import { randomDate } from '../../seed/src/synthetic-random.ts';
import type { Database, Params } from '../../server/src/db/database.ts';
import { findNeighborhood, findPaths } from '../../server/src/db/graph-repository.ts';
import {
  entityExists,
  RELATIONSHIP_FILTER,
  RELATIONSHIP_MAP,
  STATUS_IN_FORCE,
} from '../../server/src/db/projections.ts';
import type { PartialDate } from '../../server/src/domain/partial-date.ts';
import { seededRandom } from '../../server/src/domain/seeded-random.ts';
import type { RelationshipStatus } from '../../server/src/domain/statuses.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { BLOCK } from './api-measure.ts';
import {
  type Call,
  type Inputs,
  NEIGHBORHOOD_LIMIT,
  PATH_LIMIT,
  PATH_MAX_LENGTH,
  pathsPrint,
  subgraphPrint,
} from './api-workloads.ts';

/** Requests per block of paths, which take a tenth of a second and more each. */
export const PATHS_BLOCK = 10;

/** Dates asked about: every input gets its own day in these years. */
export const YEARS = [2005, 2024] as const;

/**
 * The baseline: RELATIONSHIP_FILTER as it was before status histories (commit 8ac3fb3), which
 * filtered on the relationship's one stored status whatever the date.
 */
export const BASELINE_FILTER = `type(r) IN $types
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf)
                     AND (r.validTo IS NULL OR r.validTo >= $asOf)))`;

/**
 * What status histories added to the neighbourhood and paths queries, each with what stood in
 * its place before: the status in force in the filter, the test that a neighbour (or a node on
 * a path) exists at the date, and the history read with every relationship.
 */
const ADDED: readonly (readonly [string, string])[] = [
  [RELATIONSHIP_FILTER, BASELINE_FILTER],
  [`\n  AND ${entityExists('n')}`, ''],
  [` AND ${entityExists('x')}`, ''],
  ['-(x:Entity) WHERE', '-(:Entity) WHERE'],
  [RELATIONSHIP_MAP, RELATIONSHIP_MAP.replace('.history, ', '')],
];

/** The repository's query text as it was before status histories, or an error if it has moved on. */
export function baselineCypher(cypher: string): string {
  let text = cypher;
  for (const [now, before] of ADDED) text = text.replaceAll(now, before);
  const left = [STATUS_IN_FORCE, entityExists('n'), entityExists('x'), '.history'];
  if (!text.includes(BASELINE_FILTER) || left.some((part) => text.includes(part))) {
    throw new Error(
      'the repository query no longer has the parts the baseline replaces: update scripts/bench/as-of-workloads.ts',
    );
  }
  return text;
}

/** The same database, reading with each query as it was before status histories. */
function baselineDatabase(db: Database): Database {
  return {
    ...db,
    read: <T>(cypher: string, params?: Params) => db.read<T>(baselineCypher(cypher), params),
  };
}

export interface AsOfWorkload<I> {
  name: string;
  inputs: I[];
  /** The repository function as it is. */
  after: Call<I>;
  /** The same function, its Cypher as it was before status histories. */
  before: Call<I>;
  /** Requests per block. */
  block: number;
}

/** The API benchmark's start nodes and pairs, each with a day of its own to ask about. */
export function workloads(db: Database, inputs: Inputs, seed: number) {
  const rng = seededRandom(seed);
  const day = () => randomDate(rng, YEARS[0], YEARS[1], 0);
  const starts = inputs.starts.map((id) => ({ id, asOf: day() }));
  const pairs = inputs.pairs.map((pair) => ({ ...pair, asOf: day() }));
  const baseline = baselineDatabase(db);
  const neighborhood = (
    depth: 1 | 2,
    statuses: RelationshipStatus[] | null,
  ): AsOfWorkload<{ id: string; asOf: PartialDate }> => {
    const call = (on: Database) => async (start: { id: string; asOf: PartialDate }) =>
      subgraphPrint(
        await findNeighborhood(on, {
          ids: [start.id],
          depth,
          limit: NEIGHBORHOOD_LIMIT,
          hubCap: HUB_CAP,
          asOf: start.asOf,
          statuses,
        }),
      );
    return {
      name: `neighborhood, depth ${depth}${statuses ? `, statuses: [${statuses.map((s) => s.toUpperCase()).join(', ')}]` : ''}`,
      inputs: starts,
      after: call(db),
      before: call(baseline),
      block: BLOCK,
    };
  };
  const paths = (on: Database) => async (pair: { from: string; to: string; asOf: PartialDate }) =>
    pathsPrint(await findPaths(on, { ...pair, maxLength: PATH_MAX_LENGTH, limit: PATH_LIMIT }));
  return [
    neighborhood(1, null),
    neighborhood(1, ['active']),
    neighborhood(2, null),
    neighborhood(2, ['active']),
    {
      name: 'paths',
      inputs: pairs,
      after: paths(db),
      before: paths(baseline),
      block: PATHS_BLOCK,
    },
  ] as AsOfWorkload<unknown>[];
}
