import {
  findNeighborhood,
  findPaths,
  findSubgraph,
  type PathAvoidance,
  type SubgraphRows,
} from '../../db/graph-repository.ts';
import type { EntityKind } from '../../domain/entity-kinds.ts';
import { MAX_SUBGRAPH_IDS } from '../../domain/limits.ts';
import {
  HUB_DEGREE,
  HUB_DEGREE_MAX,
  HUB_DEGREE_MIN,
  HUB_KINDS,
  MAX_PATH_LENGTH,
  MAX_PATHS,
} from '../../domain/paths.ts';
import { builder } from '../builder.ts';
import { COUNTED_BY_PARENT, PER_PARENT_QUERY, sizeOf } from '../cost.ts';
import { badInput, bounded, notFound } from '../errors.ts';
import { EntityKindEnum, RelationshipStatusEnum, RelationshipTypeEnum } from './enums.ts';
import { EntityRef, HubRef, PathRef, RelationshipRef } from './refs.ts';

/** At most this many relationships are drawn from one node; a hub shows counts instead. */
export const HUB_CAP = 50;

const TypeCount = builder.objectRef<{ type: string; count: number }>('TypeCount').implement({
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, resolve: (row) => row.type as never }),
    count: t.exposeInt('count'),
  }),
});

HubRef.implement({
  description:
    'A node with more relationships than a neighbourhood draws: how many, of which types.',
  fields: (t) => ({
    id: t.exposeID('id'),
    total: t.exposeInt('total'),
    shown: t.int({ resolve: () => HUB_CAP }),
    byType: t.field({ type: [TypeCount], resolve: (hub) => hub.byType }),
  }),
});

const Subgraph = builder.objectRef<SubgraphRows>('Subgraph').implement({
  fields: (t) => ({
    nodes: t.field({
      type: [EntityRef],
      complexity: COUNTED_BY_PARENT,
      resolve: (graph) => graph.nodes,
    }),
    edges: t.field({
      type: [RelationshipRef],
      complexity: COUNTED_BY_PARENT,
      resolve: (graph) => graph.edges,
    }),
    truncated: t.exposeBoolean('truncated', {
      description: 'True when a limit or a hub cut the result',
    }),
    hubs: t.field({
      type: [HubRef],
      complexity: COUNTED_BY_PARENT,
      resolve: (graph) => graph.hubs,
    }),
  }),
});

PathRef.implement({
  fields: (t) => ({
    length: t.int({ resolve: (path) => path.edges.length }),
    nodes: t.field({
      type: [EntityRef],
      complexity: COUNTED_BY_PARENT,
      resolve: (path) => path.nodes,
    }),
    edges: t.field({
      type: [RelationshipRef],
      complexity: COUNTED_BY_PARENT,
      resolve: (path) => path.edges,
    }),
  }),
});

const PathAvoidInput = builder.inputType('PathAvoidInput', {
  description:
    'Hubs a path may start or end at but not pass through: the paths found are the shortest of the graph without them.',
  fields: (t) => ({
    kinds: t.field({
      type: [EntityKindEnum],
      required: false,
      defaultValue: [...HUB_KINDS],
      description: 'Entities of these kinds; [] or null: none by kind',
    }),
    maxDegree: t.int({
      required: false,
      defaultValue: HUB_DEGREE,
      description: `Entities with more relationships than this, ${HUB_DEGREE_MIN} to ${HUB_DEGREE_MAX}; null: none by degree`,
    }),
  }),
});

/** The avoidance a `paths` request asks for, its degree checked against the domain's bounds. */
function pathAvoidance(
  avoid: { kinds?: readonly EntityKind[] | null; maxDegree?: number | null } | null | undefined,
): PathAvoidance | null {
  if (!avoid) return null;
  const { kinds, maxDegree } = avoid;
  return {
    kinds: kinds ?? [],
    maxDegree:
      maxDegree === null || maxDegree === undefined
        ? null
        : bounded('avoid.maxDegree', maxDegree, HUB_DEGREE_MIN, HUB_DEGREE_MAX),
  };
}

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: Subgraph,
    description:
      'Entities around the given ones, with the relationships that join them. NOT_FOUND when an id names no entity.',
    args: {
      ids: t.arg.idList({ required: true }),
      depth: t.arg.int({ defaultValue: 1 }),
      relationshipTypes: t.arg({ type: [RelationshipTypeEnum], required: false }),
      kinds: t.arg({ type: [EntityKindEnum], required: false }),
      statuses: t.arg({ type: [RelationshipStatusEnum], required: false }),
      asOf: t.arg({ type: 'PartialDate', required: false }),
      limit: t.arg.int({ defaultValue: 200 }),
    },
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier: sizeOf(args.limit, 200, MAX_SUBGRAPH_IDS),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      if (args.ids.length === 0 || args.ids.length > 100)
        throw badInput('ids must hold 1 to 100 ids.', 'ids');
      const graph = await findNeighborhood(db, {
        ids: args.ids.map(String),
        depth: bounded('depth', args.depth ?? 1, 1, 3) as 1 | 2 | 3,
        limit: bounded('limit', args.limit ?? 200, 1, MAX_SUBGRAPH_IDS),
        hubCap: HUB_CAP,
        types: args.relationshipTypes,
        kinds: args.kinds,
        statuses: args.statuses,
        asOf: args.asOf,
      });
      // The given entities are always in the answer, unless the limit left some out: only then,
      // or for an id no entity has, are they looked up.
      const shown = new Set(graph.nodes.map((node) => node.id));
      const missing = [...new Set(args.ids.map(String))].filter((id) => !shown.has(id));
      if (missing.length > 0) {
        const found = await loaders.entity.loadMany(missing);
        const unknown = missing.find((_, i) => !found[i] || found[i] instanceof Error);
        if (unknown !== undefined) throw notFound('entity', unknown);
      }
      loaders.primeEntities(graph.nodes);
      return graph;
    },
  }),
  subgraph: t.field({
    type: Subgraph,
    description:
      'The given entities and every relationship among them, with no hub cap: a saved view, drawn again. Unknown ids are left out.',
    args: {
      ids: t.arg.idList({ required: true }),
      asOf: t.arg({
        type: 'PartialDate',
        required: false,
        description: 'Each status is the one in force then; no relationship is left out',
      }),
    },
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier: sizeOf(args.ids.length, 1, MAX_SUBGRAPH_IDS),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      if (args.ids.length === 0 || args.ids.length > MAX_SUBGRAPH_IDS)
        throw badInput(`ids must hold 1 to ${MAX_SUBGRAPH_IDS} ids.`, 'ids');
      const graph = await findSubgraph(db, [...new Set(args.ids.map(String))], args.asOf);
      loaders.primeEntities(graph.nodes);
      return graph;
    },
  }),
  paths: t.field({
    type: [PathRef],
    description:
      'The shortest paths between two entities, each hop valid at asOf when given, passing through no hub named by avoid.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxLength: t.arg.int({ defaultValue: 4 }),
      relationshipTypes: t.arg({ type: [RelationshipTypeEnum], required: false }),
      asOf: t.arg({ type: 'PartialDate', required: false }),
      limit: t.arg.int({ defaultValue: 3 }),
      avoid: t.arg({
        type: PathAvoidInput,
        required: false,
        description: 'Leave out hubs between the ends; {} for the usual ones. Absent: none',
      }),
    },
    // Each path holds up to maxLength + 1 entities and maxLength relationships.
    complexity: (args) => ({
      field: PER_PARENT_QUERY,
      multiplier:
        sizeOf(args.limit, 3, MAX_PATHS) * (sizeOf(args.maxLength, 4, MAX_PATH_LENGTH) + 1),
    }),
    resolve: async (_root, args, { db, loaders }) => {
      const [from, to] = [String(args.from), String(args.to)];
      /** Both ends must exist and differ; asked only when the answer alone cannot tell. */
      const checkEnds = async () => {
        const [a, b] = await loaders.entity.loadMany([from, to]);
        if (!a || a instanceof Error) throw notFound('entity', from);
        if (!b || b instanceof Error) throw notFound('entity', to);
        if (from === to) throw badInput('from and to must be different entities.', 'to');
      };
      const avoid = pathAvoidance(args.avoid);
      if (from === to) await checkEnds();
      const paths = await findPaths(db, {
        from,
        to,
        maxLength: bounded('maxLength', args.maxLength ?? 4, 1, MAX_PATH_LENGTH),
        limit: bounded('limit', args.limit ?? 3, 1, MAX_PATHS),
        types: args.relationshipTypes,
        asOf: args.asOf,
        avoid,
      });
      // A path proves both ends exist; no path may mean a missing end.
      if (paths.length === 0) await checkEnds();
      loaders.primeEntities(paths.flatMap((path) => path.nodes));
      return paths;
    },
  }),
}));
