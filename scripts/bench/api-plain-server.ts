// The API benchmark's plain HTTP server: the benchmark's calls answered as JSON over node:http,
// in a process of its own, with no GraphQL at all. It parses the request, calls the repository
// function the resolver uses and writes the fields the GraphQL query asks for: what any network
// API in front of these queries costs on this machine, measured next to the GraphQL server.
// Started by scripts/bench/api.ts; listens on 127.0.0.1:$PORT until SIGTERM.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { searchEntities } from '../../server/src/db/entity-repository.ts';
import {
  findNeighborhood,
  findPaths,
  type PathAvoidance,
} from '../../server/src/db/graph-repository.ts';
import { HUB_CAP } from '../../server/src/graphql/schema/graph.ts';
import type { EntityView, RelationshipView } from '../../server/src/validation/records.ts';
import { serveUntilTerminated } from './api-http.ts';
import { AVOIDED, NEIGHBORHOOD_LIMIT, PATH_LIMIT, PATH_MAX_LENGTH } from './api-workloads.ts';

const config = loadConfig();
const driver = createDriver(config.neo4j);
const db = createDatabase(driver, {
  database: config.neo4j.database,
  timeoutMs: config.queryTimeoutMs,
});

const edge = (e: RelationshipView) => ({
  id: e.id,
  type: e.type,
  status: e.status,
  since: e.since ?? null,
  until: e.until ?? null,
  from: { id: e.from },
  to: { id: e.to },
});

async function paths(from: string, to: string, avoid: PathAvoidance | null) {
  const found = await findPaths(db, {
    from,
    to,
    maxLength: PATH_MAX_LENGTH,
    limit: PATH_LIMIT,
    avoid,
  });
  return found.map((path) => ({
    length: path.edges.length,
    nodes: path.nodes.map((n) => ({ id: n.id, kind: n.kind, name: n.name })),
    edges: path.edges.map(edge),
  }));
}

/** Each route takes the JSON body and returns the same fields as the benchmark's GraphQL query. */
const routes: Record<string, (input: Record<string, unknown>) => Promise<unknown>> = {
  '/search': async ({ text }) =>
    (await searchEntities(db, String(text), { first: 10 })).map((hit) => ({
      score: hit.score,
      entity: {
        id: hit.entity.id,
        kind: hit.entity.kind,
        name: hit.entity.name,
        aliases: hit.entity.aliases,
        country: hit.entity.country ?? null,
        degree: hit.entity.degree,
      },
    })),
  '/neighborhood': async ({ ids, depth, asOf }) => {
    const graph = await findNeighborhood(db, {
      ids: ids as string[],
      depth: depth as 1 | 2,
      asOf: (asOf as string | null) ?? null,
      limit: NEIGHBORHOOD_LIMIT,
      hubCap: HUB_CAP,
    });
    return {
      truncated: graph.truncated,
      nodes: graph.nodes.map((n: EntityView) => ({
        id: n.id,
        kind: n.kind,
        name: n.name,
        country: n.country ?? null,
        degree: n.degree,
      })),
      edges: graph.edges.map(edge),
      hubs: graph.hubs.map((hub) => ({ ...hub, shown: HUB_CAP })),
    };
  },
  '/paths': ({ from, to }) => paths(String(from), String(to), null),
  '/paths-avoiding-hubs': ({ from, to }) => paths(String(from), String(to), AVOIDED),
};

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.url === '/health') return send(res, 200, { ok: true });
  const route = routes[req.url ?? ''];
  if (req.method !== 'POST' || !route) return send(res, 404, { error: 'not found' });
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
  });
  req.on('end', () => {
    Promise.resolve()
      .then(() => route(JSON.parse(body) as Record<string, unknown>))
      .then(
        (data) => send(res, 200, { data }),
        (error: unknown) => send(res, 500, { error: String(error) }),
      );
  });
}

serveUntilTerminated(handle, () => driver.close());
