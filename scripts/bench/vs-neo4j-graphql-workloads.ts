// The questions of the benchmark against @neo4j/graphql: each asked of Entente's API and of
// @neo4j/graphql's generated schema over the same database, both answers reduced to the same
// fingerprint (sorted ids and fields) so they can be checked equal.

import type { Database } from '../../server/src/db/database.ts';
import { kindLabel } from '../../server/src/db/identifiers.ts';
import { degreeOf } from '../../server/src/db/projections.ts';
import { ENTITY_KINDS, type EntityKind } from '../../server/src/domain/entity-kinds.ts';
import {
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../server/src/domain/relationship-types.ts';
import { seededRandom } from '../../server/src/domain/seeded-random.ts';
import { enumName } from '../../server/src/graphql/schema/enums.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import { encodeCursor } from '../../server/src/graphql/schema/refs.ts';
import type { Graphql } from './api-http.ts';
import { kindField, relationshipField } from './vs-neo4j-graphql-typedefs.ts';

/** Distinct inputs per question; requests cycle through them. */
export const INPUTS = 100;
/** Entities per page. */
export const PAGE = 20;
/** Pages are drawn from the first this many of a kind. */
export const PAGES_DEEP = 10;
/** The types of the question on a few relationship types. */
export const FEW_TYPES: readonly RelationshipType[] = [
  'MEMBER_OF',
  'WORKS_FOR',
  'OWNS',
  'COOPERATES_WITH',
];
/** Entente answers at most this many relationships a page (entity.ts MAX_PAGE). */
const RELATIONSHIPS_PAGE = 100;

export interface PageInput {
  kind: EntityKind;
  /** Entities of the kind before the page, in id order. */
  offset: number;
  /** The id of the last of them, for Entente's cursor; null on the first page. */
  afterId: string | null;
}

export interface Inputs {
  /** Any entity. */
  ids: string[];
  /** Entities with 1 to HUB_CAP relationships: every one of them in one answer on both sides. */
  connected: string[];
  pages: PageInput[];
}

function pick<T>(items: readonly T[], rng: () => number): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** Deterministic inputs drawn from the loaded graph with the project's PRNG. */
export async function pickInputs(db: Database, seed: number): Promise<Inputs> {
  const rng = seededRandom(seed);
  const all = await db.read<{ id: string; degree: number }>(
    `MATCH (e:Entity) RETURN e.id AS id, ${degreeOf('e')} AS degree ORDER BY e.id`,
  );
  const small = all.filter((e) => e.degree >= 1 && e.degree <= HUB_CAP);
  const ids = Array.from({ length: INPUTS }, () => pick(all, rng).id);
  const connected = Array.from({ length: INPUTS }, () => pick(small, rng).id);
  const counts = await db.read<{ kind: EntityKind; n: number }>(
    'MATCH (e:Entity) RETURN e.kind AS kind, count(*) AS n ORDER BY kind',
  );
  const kinds = counts.filter((row) => ENTITY_KINDS.includes(row.kind) && row.n > PAGE);
  const pages: PageInput[] = [];
  for (let i = 0; i < INPUTS; i += 1) {
    const { kind, n } = pick(kinds, rng);
    const offset = PAGE * Math.floor(rng() * Math.min(PAGES_DEEP, Math.floor(n / PAGE)));
    const [before] =
      offset === 0
        ? []
        : await db.read<{ id: string }>(
            `MATCH (e:${kindLabel(kind)}) WITH e ORDER BY e.id SKIP $skip LIMIT 1 RETURN e.id AS id`,
            { skip: offset - 1 },
          );
    pages.push({ kind, offset, afterId: before?.id ?? null });
  }
  return { ids, connected, pages };
}

interface Named {
  id: string;
  name: string;
}
interface EntityFields extends Named {
  kind: string;
  aliases: string[] | null;
  country: string | null;
}
interface Neighbour extends Named {
  kind: string;
  country: string | null;
}
interface Edge {
  id: string;
  type: string;
  since: string | null;
  until: string | null;
  other: Named;
}

// Entente's enums are UPPER_SNAKE, @neo4j/graphql's the stored values: kinds print as Entente's;
// an absent list is [] on one side and null on the other.
const entityPrint = (e: EntityFields | null | undefined) =>
  e
    ? [
        e.id,
        enumName(e.kind),
        e.name,
        [...(e.aliases ?? [])].sort().join(','),
        e.country ?? '',
      ].join('|')
    : 'none';
const sortedLines = (lines: string[]) => [...lines].sort().join('\n');
const edgesPrint = (edges: Edge[]) =>
  sortedLines(
    edges.map((e) =>
      [e.id, e.type, e.since ?? '', e.until ?? '', e.other.id, e.other.name].join('|'),
    ),
  );
const neighboursPrint = (nodes: Neighbour[]) =>
  sortedLines(
    [...new Map(nodes.map((n) => [n.id, n])).values()].map((n) =>
      [n.id, n.name, enumName(n.kind), n.country ?? ''].join('|'),
    ),
  );

const ENTITY_SELECTION = 'id kind name aliases country';

const ENTENTE = {
  byId: `query ById($id: ID!) { entity(id: $id) { ${ENTITY_SELECTION} } }`,
  relationships: `query Relationships($id: ID!, $types: [RelationshipType!]) {
  entity(id: $id) {
    relationships(types: $types, first: ${RELATIONSHIPS_PAGE}) {
      nodes { id type since until from { id name } to { id name } }
    }
  }
}`,
  page: `query Page($kind: EntityKind!, $after: String) {
  entities(kinds: [$kind], first: ${PAGE}, after: $after) { nodes { ${ENTITY_SELECTION} } }
}`,
  neighbourhood: `query Neighbourhood($id: ID!) {
  neighborhood(ids: [$id], depth: 1) { nodes { id name kind country } }
}`,
};

const fieldsOf = (types: readonly RelationshipType[]) =>
  types.flatMap((type) =>
    (['OUT', 'IN'] as const).map((direction) => ({
      type,
      field: relationshipField(type, direction),
    })),
  );

/** The queries a user of @neo4j/graphql writes for the same questions. */
const NEO4J_GRAPHQL = {
  byId: `query ById($id: ID!) { entities(where: { id: { eq: $id } }) { ${ENTITY_SELECTION} } }`,
  relationships: (types: readonly RelationshipType[]) => `query Relationships($id: ID!) {
  entities(where: { id: { eq: $id } }) {
${fieldsOf(types)
  .map(
    ({ field }) =>
      `    ${field}Connection { edges { properties { id since until } node { id name } } }`,
  )
  .join('\n')}
  }
}`,
  page: (kind: EntityKind) => `query Page($offset: Int!) {
  ${kindField(kind)}(sort: [{ id: ASC }], limit: ${PAGE}, offset: $offset) { ${ENTITY_SELECTION} }
}`,
  neighbourhood: `query Neighbourhood($id: ID!) {
  entities(where: { id: { eq: $id } }) {
${fieldsOf(RELATIONSHIP_TYPES)
  .map(({ field }) => `    ${field} { id name kind country }`)
  .join('\n')}
  }
}`,
};

/** One question, asked of both sides; each call returns the answer's fingerprint. */
export interface Question<I> {
  name: string;
  inputs: I[];
  entente: (input: I) => Promise<string>;
  neo4jGraphql: (input: I) => Promise<string>;
}

type Connections = Record<
  string,
  {
    edges: {
      properties: { id: string; since: string | null; until: string | null };
      node: Named;
    }[];
  }
>;

export function questions(
  entente: Graphql,
  neo4jGraphql: Graphql,
  inputs: Inputs,
): Question<unknown>[] {
  const relationships = (
    name: string,
    types: readonly RelationshipType[] | null,
  ): Question<string> => {
    const query = NEO4J_GRAPHQL.relationships(types ?? RELATIONSHIP_TYPES);
    return {
      name,
      inputs: inputs.connected,
      entente: async (id) => {
        const { entity } = await entente<{
          entity: {
            relationships: { nodes: (Omit<Edge, 'other'> & { from: Named; to: Named })[] };
          } | null;
        }>(ENTENTE.relationships, { id, types });
        const nodes = entity?.relationships.nodes ?? [];
        return edgesPrint(nodes.map((r) => ({ ...r, other: r.from.id === id ? r.to : r.from })));
      },
      neo4jGraphql: async (id) => {
        const { entities } = await neo4jGraphql<{ entities: Connections[] }>(query, { id });
        const [found] = entities;
        if (!found) return edgesPrint([]);
        return edgesPrint(
          fieldsOf(types ?? RELATIONSHIP_TYPES).flatMap(({ type, field }) =>
            (found[`${field}Connection`]?.edges ?? []).map((edge) => ({
              ...edge.properties,
              type,
              other: edge.node,
            })),
          ),
        );
      },
    };
  };
  const byId: Question<string> = {
    name: 'entity by id',
    inputs: inputs.ids,
    entente: async (id) =>
      entityPrint((await entente<{ entity: EntityFields | null }>(ENTENTE.byId, { id })).entity),
    neo4jGraphql: async (id) =>
      entityPrint(
        (await neo4jGraphql<{ entities: EntityFields[] }>(NEO4J_GRAPHQL.byId, { id })).entities[0],
      ),
  };
  const page: Question<PageInput> = {
    name: `a page of ${PAGE} of one kind`,
    inputs: inputs.pages,
    entente: async ({ kind, afterId }) => {
      const after = afterId === null ? null : encodeCursor(afterId);
      const { entities } = await entente<{ entities: { nodes: EntityFields[] } }>(ENTENTE.page, {
        kind: enumName(kind),
        after,
      });
      return entities.nodes.map(entityPrint).join('\n');
    },
    neo4jGraphql: async ({ kind, offset }) => {
      const data = await neo4jGraphql<Record<string, EntityFields[]>>(NEO4J_GRAPHQL.page(kind), {
        offset,
      });
      return (data[kindField(kind)] ?? []).map(entityPrint).join('\n');
    },
  };
  const neighbourhood: Question<string> = {
    name: '1-hop neighbourhood',
    inputs: inputs.connected,
    entente: async (id) => {
      const { neighborhood } = await entente<{ neighborhood: { nodes: Neighbour[] } }>(
        ENTENTE.neighbourhood,
        { id },
      );
      return neighboursPrint(neighborhood.nodes.filter((node) => node.id !== id));
    },
    neo4jGraphql: async (id) => {
      const { entities } = await neo4jGraphql<{ entities: Record<string, Neighbour[]>[] }>(
        NEO4J_GRAPHQL.neighbourhood,
        { id },
      );
      const [found] = entities;
      return neighboursPrint(
        found ? fieldsOf(RELATIONSHIP_TYPES).flatMap(({ field }) => found[field] ?? []) : [],
      );
    },
  };
  return [
    byId,
    relationships('relationships, all types', null),
    relationships(`relationships, ${FEW_TYPES.length} types`, FEW_TYPES),
    page,
    neighbourhood,
  ] as Question<unknown>[];
}
