// The API benchmark's HTTP side: servers in processes of their own, and lean clients for them.

import { spawn } from 'node:child_process';
import { Agent, createServer, type RequestListener, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../neo4j/settings.ts';

/**
 * A keep-alive HTTP/1.1 client on node:http that posts JSON and parses the JSON answer: the load
 * generator shares the machine's two cores with the servers and Neo4j, so it should cost as
 * little as it can (fetch costs a few times more per request).
 */
function createJsonClient(base: string) {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const post = (path: string, body: unknown): Promise<{ status: number; body: unknown }> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: hostname,
          port,
          path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('error', reject);
          response.on('end', () => {
            try {
              resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      // A kept-alive socket the server closed while it idled fails at once: send again on a
      // new one (Node's documented answer to that race).
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket && error.code === 'ECONNRESET') post(path, body).then(resolve, reject);
        else reject(error);
      });
      req.end(JSON.stringify(body));
    });
  return { post, close: () => agent.destroy() };
}

/** Sends a GraphQL query to `url` and returns its data; GraphQL errors become a rejection. */
export function createGraphqlClient(url: string) {
  const client = createJsonClient(url);
  const { pathname } = new URL(url);
  const graphql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const { status, body } = await client.post(pathname, { query, variables });
    const { data, errors } = body as { data?: T; errors?: { message: string }[] };
    if (errors?.length) throw new Error(errors.map((e) => e.message).join('; '));
    if (!data) throw new Error(`HTTP ${status} without data`);
    return data;
  };
  return Object.assign(graphql, { close: client.close });
}

/** Posts a call to the plain HTTP server (api-plain-server.ts) and returns its data. */
export function createPlainClient(base: string) {
  const client = createJsonClient(base);
  const plain = async <T>(path: string, input: Record<string, unknown>): Promise<T> => {
    const { status, body } = await client.post(path, input);
    const { data, error } = body as { data?: T; error?: string };
    if (status !== 200 || data === undefined) throw new Error(error ?? `HTTP ${status}`);
    return data;
  };
  return Object.assign(plain, { close: client.close });
}

export type Graphql = ReturnType<typeof createGraphqlClient>;
export type Plain = ReturnType<typeof createPlainClient>;

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The API server, as `npm start` runs it. */
export const API_SERVER = join(ROOT, 'server', 'src', 'main.ts');

/** Starts a server entry point with the given environment and waits until /health answers. */
export async function startServerProcess(
  env: Record<string, string>,
  entry = API_SERVER,
  options: {
    /** Drops the server's logs: under overload it writes a line per refusal. */ quiet?: boolean;
  } = {},
): Promise<ServerProcess> {
  // node itself, with tsx as a loader (the tsx command would put a process in between), so
  // the child's pid is the server's and its CPU time can be read.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', options.quiet ? 'ignore' : 'inherit'],
  });
  const url = `http://127.0.0.1:${env.PORT}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { url, pid: child.pid ?? 0, stop };
    await sleep(200);
  }
  await stop();
  throw new Error('the server did not answer /health within 60 s');
}

/**
 * For a benchmark's server process: listens on 127.0.0.1:$PORT and, on SIGTERM, closes its
 * connections and then `close` (its driver) before it exits.
 */
export function serveUntilTerminated(handler: RequestListener, close: () => Promise<void>): void {
  const server = createServer(handler);
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.once('SIGTERM', async () => {
    server.closeAllConnections();
    server.close();
    await close();
    process.exit(0);
  });
}
