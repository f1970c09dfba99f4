// The explorer's own documents (web/src/api/documents.ts, with evidence and sources), sent as
// the explorer sends them: where each request's CPU goes, the API server or Neo4j, and how
// large its answer is.

import { print } from 'graphql';
import type { Database } from '../../server/src/db/database.ts';
import {
  ENTITY,
  NEIGHBORHOOD,
  PATHS,
  RELATIONSHIP,
  SEARCH,
  SUBGRAPH,
} from '../../web/src/api/documents.ts';
import type { Graphql } from './api-http.ts';
import { WARM_UP } from './api-measure.ts';
import { ms, ratio } from './api-report.ts';
import type { Inputs } from './api-workloads.ts';
import { addCpu, type CpuReading, perRequest } from './cpu.ts';
import { runRounds, type Summary, summarize, type WarmUp, warmUp } from './latency.ts';

/** The canvas of a shared view: a start and up to this many of its neighbours. */
const VIEW_SIZE = 20;

interface ExplorerWorkload {
  name: string;
  query: string;
  variables: Record<string, unknown>[];
}

export interface ExplorerOutcome {
  name: string;
  summary: Summary;
  /** CPU milliseconds per request, by process. */
  cpu: CpuReading;
  /** Mean size of the answer's data as JSON, in bytes. */
  bytes: number;
  warmUp: WarmUp;
  errors: string[];
}

/** The explorer's requests on inputs drawn from the loaded graph. */
export async function explorerWorkloads(db: Database, inputs: Inputs): Promise<ExplorerWorkload[]> {
  const around = await Promise.all(
    inputs.starts.map(async (id) => {
      const rows = await db.read<{ other: string; relationship: string }>(
        `MATCH (:Entity {id: $id})-[r]-(x:Entity)
         RETURN x.id AS other, r.id AS relationship ORDER BY other LIMIT $size`,
        { id, size: VIEW_SIZE - 1 },
      );
      return { id, rows };
    }),
  );
  const withRelationships = around.filter(({ rows }) => rows.length > 0);
  return [
    {
      name: 'search as typed',
      query: print(SEARCH),
      variables: inputs.texts.map((text) => ({ text, first: 10 })),
    },
    {
      name: 'expand an entity (neighborhood)',
      query: print(NEIGHBORHOOD),
      variables: inputs.starts.map((id) => ({ ids: [id] })),
    },
    {
      name: 'open a shared view (subgraph)',
      query: print(SUBGRAPH),
      variables: around.map(({ id, rows }) => ({ ids: [id, ...rows.map((row) => row.other)] })),
    },
    {
      name: 'entity details with evidence',
      query: print(ENTITY),
      variables: inputs.starts.map((id) => ({ id })),
    },
    {
      name: 'relationship details with evidence',
      query: print(RELATIONSHIP),
      variables: withRelationships.map(({ rows }) => ({ id: rows[0]?.relationship })),
    },
    {
      name: 'paths avoiding hubs',
      query: print(PATHS),
      variables: inputs.avoiding.map((pair) => ({ ...pair, avoid: {} })),
    },
  ];
}

/** Each workload warmed up, then timed in blocks with the CPU of every process read around them. */
export async function measureExplorer(
  graphql: Graphql,
  workload: ExplorerWorkload,
  options: { requests: number; concurrency: number; capMs: number; cpu: () => CpuReading },
): Promise<ExplorerOutcome> {
  let bytes = 0;
  let answers = 0;
  const send = async (variables: Record<string, unknown>) => {
    const data = await graphql(workload.query, variables);
    bytes += Buffer.byteLength(JSON.stringify(data));
    answers += 1;
  };
  const warm = await warmUp(workload.variables, [send], {
    ...WARM_UP,
    concurrency: options.concurrency,
  });
  bytes = 0;
  answers = 0;
  const total: CpuReading = {};
  const { blocks } = await runRounds(workload.variables, [send], {
    ...options,
    block: 50,
    around: () => {
      const before = options.cpu();
      return () => addCpu(total, before, options.cpu());
    },
  });
  const flat = blocks.flat();
  const summary = summarize(flat);
  return {
    name: workload.name,
    summary,
    cpu: perRequest(total, summary.requests + summary.errors),
    bytes: answers > 0 ? bytes / answers : 0,
    warmUp: warm,
    errors: flat.flatMap((block) => block.errors),
  };
}

/** Server CPU against Neo4j CPU per request, the goal being the server's at most Neo4j's. */
export function explorerTable(outcomes: ExplorerOutcome[]): string[] {
  return [
    '| explorer request | p50 (ms) | p95 (ms) | req/s | answer (kB) | server CPU (ms) | Neo4j CPU (ms) | server / Neo4j | server ≤ Neo4j |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...outcomes.map(({ name, summary, cpu, bytes }) => {
      const server = cpu.server ?? 0;
      const neo4j = cpu.neo4j ?? 0;
      return `| ${name} | ${ms(summary.p50)} | ${ms(summary.p95)} | ${Math.round(summary.perSecond)} | ${ms(bytes / 1000)} | ${ms(server, 2)} | ${ms(neo4j, 2)} | ${ratio(server, neo4j)} | ${server <= neo4j ? 'met' : 'not met'} |`;
    }),
  ];
}
