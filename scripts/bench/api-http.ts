// The API benchmark's HTTP side: the server in a process of its own, and a lean GraphQL client.

import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../neo4j/settings.ts';

/**
 * A keep-alive HTTP/1.1 client on node:http: the load generator shares the machine's two cores
 * with the server and Neo4j, so it should cost as little as it can (fetch costs a few times more
 * per request).
 */
export function createGraphqlClient(url: string) {
  const { hostname, port, pathname } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const graphql = <T>(query: string, variables: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: hostname,
          port,
          path: pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json',
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
              const body = JSON.parse(text) as { data?: T; errors?: { message: string }[] };
              if (body.errors?.length)
                throw new Error(body.errors.map((e) => e.message).join('; '));
              if (!body.data) throw new Error(`HTTP ${response.statusCode} without data`);
              resolve(body.data);
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query, variables }));
    });
  return Object.assign(graphql, { close: () => agent.destroy() });
}

export type Graphql = ReturnType<typeof createGraphqlClient>;

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

/** Starts `server/src/main.ts` with the given environment and waits until /health answers. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // node itself, with tsx as a loader (the tsx command would put a process in between), so
  // the child's pid is the server's and its CPU time can be read.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'server', 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
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
