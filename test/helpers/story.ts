// What the story tests share: a neighbourhood's edges at a date, and the ids of the story's ties.
import type { createClient } from './graphql.ts';
import { ok } from './graphql.ts';

type Query = ReturnType<typeof createClient>;

export const EDGE =
  'id type label since until status from { id name } to { id name } evidence { quote source { id title url } }';

export interface Edge {
  id: string;
  type: string;
  since: string | null;
  status: string;
  role?: string | null;
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: { quote: string | null; source: { id: string; url: string | null } }[];
}

/** The relationships around `id` that hold at `asOf`, of the given types (every type when none). */
export async function edgesAt(
  query: Query,
  id: string,
  asOf: string,
  types: string[] = [],
): Promise<Edge[]> {
  const data = await ok<{ neighborhood: { edges: Edge[] } }>(
    query(
      `query($ids: [ID!]!, $asOf: PartialDate, $types: [RelationshipType!]) {
        neighborhood(ids: $ids, relationshipTypes: $types, asOf: $asOf, limit: 500) { edges { ${EDGE} role } }
      }`,
      { ids: [id], asOf, types: types.length > 0 ? types : null },
    ),
  );
  return data.neighborhood.edges;
}

/** Kaspersky Lab's cooperation with Europol and its No More Ransom membership: one relationship each. */
export const EUROPOL = 'kaspersky-lab-cooperates-with-europol';
export const NO_MORE_RANSOM = 'kaspersky-lab-member-of-no-more-ransom';
