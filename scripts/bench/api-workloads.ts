// The API benchmark's workloads: inputs drawn from the loaded graph, and each workload as a
// GraphQL request and as a direct call of the repository function its resolver uses.

import type { Database } from '../../server/src/db/database.ts';
import { searchEntities } from '../../server/src/db/entity-repository.ts';
import {
  findNeighborhood,
  findPaths,
  type PathAvoidance,
} from '../../server/src/db/graph-repository.ts';
import { kindLabel } from '../../server/src/db/identifiers.ts';
import { degreeOf } from '../../server/src/db/projections.ts';
import { HUB_DEGREE, HUB_KINDS } from '../../server/src/domain/paths.ts';
import { seededRandom } from '../../server/src/domain/seeded-random.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import type { Graphql, Plain } from './api-http.ts';

/** Distinct inputs per workload; requests cycle through them. */
export const INPUTS = 100;
export const HUBS = 20;
export const NEIGHBORHOOD_LIMIT = 200;
export const PATH_MAX_LENGTH = 4;
export const PATH_LIMIT = 3;
/** The hubs `avoid: {}` leaves out: the API's defaults, as the explorer asks. */
export const AVOIDED: PathAvoidance = { kinds: HUB_KINDS, maxDegree: HUB_DEGREE };

/** The day the as-of workloads ask about: inside the synthetic graph's span of dates. */
export const AS_OF = '2015-07-01';

/** Calls one way of answering an input and returns a fingerprint of the answer to compare. */
export type Call<I> = (input: I) => Promise<string>;

export interface Workload<I> {
  name: string;
  inputs: I[];
  /** A GraphQL request to the API server. */
  api: Call<I>;
  /** The same call as JSON to the plain HTTP server (api-plain-server.ts): HTTP without GraphQL. */
  plain: Call<I>;
  /** The repository function the resolver uses, called in this process. */
  direct: Call<I>;
}

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 10) { score entity { id kind name aliases country degree } }
}`;

const NEIGHBORHOOD = `query Neighborhood($ids: [ID!]!, $depth: Int!, $asOf: PartialDate) {
  neighborhood(ids: $ids, depth: $depth, limit: ${NEIGHBORHOOD_LIMIT}, asOf: $asOf) {
    truncated
    nodes { id kind name country degree }
    edges { id type status since until from { id } to { id } }
    hubs { id total shown byType { type count } }
  }
}`;

const PATHS = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: ${PATH_MAX_LENGTH}, limit: ${PATH_LIMIT}) {
    length
    nodes { id kind name }
    edges { id type status since until from { id } to { id } }
  }
}`;

const PATHS_AVOIDING_HUBS = `query PathsAvoidingHubs($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: ${PATH_MAX_LENGTH}, limit: ${PATH_LIMIT}, avoid: {}) {
    length
    nodes { id kind name }
    edges { id type status since until from { id } to { id } }
  }
}`;

/** The neighbours a path avoiding hubs may pass through: the API's hub test, with its defaults. */
const PASSABLE_NEIGHBOURS = `
MATCH (:Entity {id: $at})--(x:Entity)
WHERE NOT x:${HUB_KINDS.map(kindLabel).join('|')} AND ${degreeOf('x')} <= $maxDegree
RETURN DISTINCT x.id AS id ORDER BY id LIMIT 200`;

/**
 * Pairs joined by a walk of 2 to 4 hops through no hub, and not neighbours: each has a path
 * that avoids hubs, of 2 to 4 hops. The walk's end is no hub either.
 */
async function pairsAvoidingHubs(db: Database, ids: readonly string[], rng: () => number) {
  const pairs: { from: string; to: string }[] = [];
  for (let attempt = 0; pairs.length < INPUTS && attempt < INPUTS * 10; attempt += 1) {
    const from = pick(ids, rng);
    const hops = 2 + Math.floor(rng() * 3);
    const walked = [from];
    for (let hop = 0; hop < hops; hop += 1) {
      const at = walked.at(-1);
      const next = (
        await db.read<{ id: string }>(PASSABLE_NEIGHBOURS, { at, maxDegree: HUB_DEGREE })
      ).filter((row) => !walked.includes(row.id));
      if (next.length === 0) break;
      walked.push(pick(next, rng).id);
    }
    const to = walked.at(-1) ?? from;
    if (walked.length !== hops + 1) continue;
    const near = await db.read(
      'MATCH (:Entity {id: $from})--(:Entity {id: $to}) RETURN 1 LIMIT 1',
      {
        from,
        to,
      },
    );
    if (near.length === 0) pairs.push({ from, to });
  }
  return pairs;
}

function pick<T>(items: readonly T[], rng: () => number): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** What an analyst types: a whole name, the start of one, or a name with one wrong letter. */
function searchText(name: string, rng: () => number): string {
  const words = name.split(' ');
  const roll = rng();
  if (roll < 0.4) return name;
  if (roll < 0.7) {
    const kept = words.slice(0, 1 + Math.floor(rng() * Math.min(2, words.length)));
    const last = kept.pop() ?? '';
    return [...kept, last.slice(0, Math.max(3, Math.ceil(last.length / 2)))].join(' ');
  }
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 5) return name;
  const at = 1 + Math.floor(rng() * (longest.length - 2));
  const letter = longest[at] === 'x' ? 'q' : 'x';
  const typo = `${longest.slice(0, at)}${letter}${longest.slice(at + 1)}`;
  return words.map((word) => (word === longest ? typo : word)).join(' ');
}

/** Deterministic inputs drawn from the loaded data: search texts, start nodes, connected pairs. */
export type Inputs = Awaited<ReturnType<typeof pickInputs>>;

export async function pickInputs(db: Database, seed: number) {
  const rng = seededRandom(seed);
  const entities = await db.read<{ id: string; name: string }>(
    'MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY e.id',
  );
  const hubs = await db.read<{ id: string; degree: number }>(
    `MATCH (e:Entity) WITH e, COUNT { (e)--() } AS degree
     ORDER BY degree DESC, e.id LIMIT $hubs RETURN e.id AS id, degree`,
    { hubs: HUBS },
  );
  const texts = Array.from({ length: INPUTS }, () => searchText(pick(entities, rng).name, rng));
  // One start node in ten is a hub, as when an analyst opens a country or a large body.
  const starts = Array.from({ length: INPUTS }, () =>
    rng() < 0.1 ? pick(hubs, rng).id : pick(entities, rng).id,
  );
  const pairs: { from: string; to: string }[] = [];
  for (let attempt = 0; pairs.length < INPUTS && attempt < INPUTS * 10; attempt += 1) {
    const from = pick(entities, rng).id;
    const near = await db.read<{ id: string }>(
      `MATCH (a:Entity {id: $from})--(:Entity)--(b:Entity)
       WHERE b <> a AND NOT (a)--(b)
       RETURN DISTINCT b.id AS id ORDER BY id LIMIT 200`,
      { from },
    );
    if (near.length > 0) pairs.push({ from, to: pick(near, rng).id });
  }
  const avoiding = await pairsAvoidingHubs(
    db,
    entities.map((entity) => entity.id),
    rng,
  );
  return { texts, starts, pairs, avoiding, maxDegree: hubs[0]?.degree ?? 0 };
}

interface Subgraph {
  nodes: unknown[];
  edges: unknown[];
  hubs: unknown[];
  truncated: boolean;
}
export const subgraphPrint = (g: Subgraph) =>
  `${g.nodes.length} nodes, ${g.edges.length} edges, ${g.hubs.length} hubs${g.truncated ? ', truncated' : ''}`;
export const pathsPrint = (paths: { edges: unknown[] }[]) =>
  `paths of length [${paths.map((p) => p.edges.length).join(', ')}]`;

export function workloads(db: Database, graphql: Graphql, plain: Plain, inputs: Inputs) {
  const neighborhood = (depth: 1 | 2, asOf: string | null = null): Workload<string> => ({
    name: `neighborhood, depth ${depth}${asOf ? ', as of a date' : ''}`,
    inputs: inputs.starts,
    api: async (id) =>
      subgraphPrint(
        (await graphql<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { ids: [id], depth, asOf }))
          .neighborhood,
      ),
    plain: async (id) =>
      subgraphPrint(await plain<Subgraph>('/neighborhood', { ids: [id], depth, asOf })),
    direct: async (id) =>
      subgraphPrint(
        await findNeighborhood(db, {
          ids: [id],
          depth,
          limit: NEIGHBORHOOD_LIMIT,
          hubCap: HUB_CAP,
          asOf,
        }),
      ),
  });
  const search: Workload<string> = {
    name: 'search',
    inputs: inputs.texts,
    api: async (text) =>
      (await graphql<{ search: { entity: { id: string } }[] }>(SEARCH, { text })).search
        .map((hit) => hit.entity.id)
        .join(' '),
    plain: async (text) =>
      (await plain<{ entity: { id: string } }[]>('/search', { text }))
        .map((hit) => hit.entity.id)
        .join(' '),
    direct: async (text) =>
      (await searchEntities(db, text, { first: 10 })).map((hit) => hit.entity.id).join(' '),
  };
  const paths: Workload<{ from: string; to: string }> = {
    name: 'paths',
    inputs: inputs.pairs,
    api: async (pair) =>
      pathsPrint((await graphql<{ paths: { edges: unknown[] }[] }>(PATHS, pair)).paths),
    plain: async (pair) => pathsPrint(await plain<{ edges: unknown[] }[]>('/paths', pair)),
    direct: async (pair) =>
      pathsPrint(await findPaths(db, { ...pair, maxLength: PATH_MAX_LENGTH, limit: PATH_LIMIT })),
  };
  const avoiding: Workload<{ from: string; to: string }> = {
    name: 'paths avoiding hubs',
    inputs: inputs.avoiding,
    api: async (pair) =>
      pathsPrint(
        (await graphql<{ paths: { edges: unknown[] }[] }>(PATHS_AVOIDING_HUBS, pair)).paths,
      ),
    plain: async (pair) =>
      pathsPrint(await plain<{ edges: unknown[] }[]>('/paths-avoiding-hubs', pair)),
    direct: async (pair) =>
      pathsPrint(
        await findPaths(db, {
          ...pair,
          maxLength: PATH_MAX_LENGTH,
          limit: PATH_LIMIT,
          avoid: AVOIDED,
        }),
      ),
  };
  return [
    search,
    neighborhood(1),
    neighborhood(1, AS_OF),
    neighborhood(2),
    neighborhood(2, AS_OF),
    paths,
    avoiding,
  ] as Workload<unknown>[];
}
