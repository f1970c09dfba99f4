import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createEntenteYoga } from './graphql/yoga.ts';

const API_PATHS = ['/graphql', '/health', '/ready'];

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The API at /graphql, /health and /ready, and the built explorer at every other path. */
export function createHttpServer(config: Config, db: Database): Server {
  const yoga = createEntenteYoga({ config, db });
  const web = existsSync(config.webDist)
    ? sirv(config.webDist, { single: true, etag: true, gzip: true })
    : undefined;
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (API_PATHS.includes(path) || !web) {
      yoga(req, res);
      return;
    }
    web(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
}

export function listen(server: Server, config: Config): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${config.port} on ${config.host} is taken by another process; stop it or set PORT.`,
            )
          : error,
      );
    });
    server.listen(config.port, config.host, () => {
      const { port } = server.address() as AddressInfo;
      const host =
        config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
      resolve({
        server,
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
