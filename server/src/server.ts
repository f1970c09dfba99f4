import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import compression from 'compression';
import sirv from 'sirv';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createEntenteYoga, MAX_BODY_BYTES } from './graphql/yoga.ts';
import type { Logger } from './logger.ts';

const API_PATHS = ['/graphql', '/health', '/ready', '/metrics'];

/**
 * API answers at least this large are compressed for a client that accepts it: a drawn
 * neighbourhood with its evidence runs to hundreds of kilobytes of JSON, while most answers are
 * a few kilobytes and not worth the CPU on every request.
 */
export const COMPRESS_FROM_BYTES = 16 * 1024;

export { MAX_BODY_BYTES };

/**
 * Refuses a body that is too large, or of unknown length, before any of it is read: a public
 * endpoint must not buffer whatever a caller streams at it. Answers as GraphQL errors do.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return false;
  const length = req.headers['content-length'];
  const [status, code, message] =
    length === undefined
      ? [411, 'LENGTH_REQUIRED', 'A request body needs a Content-Length header.']
      : Number(length) > MAX_BODY_BYTES
        ? [413, 'PAYLOAD_TOO_LARGE', `A request body may hold at most ${MAX_BODY_BYTES} bytes.`]
        : [];
  if (!status) return false;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  return true;
}

/**
 * The one stylesheet Cytoscape writes into the page itself, when its renderer starts; the
 * explorer's browser tests fail on any other inline style the policy blocks.
 */
const CYTOSCAPE_STYLESHEET = '.__________cytoscape_container { position: relative; }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * The explorer loads nothing but what the build serves from this origin, talks only to this
 * origin's API, and may not be framed by another site. Evidence links open in a new tab without
 * telling the source which page they came from.
 */
export const EXPLORER_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'sha256-${sha256(CYTOSCAPE_STYLESHEET)}'`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
};

/**
 * Built assets carry a hash of their content in their name, so a browser may keep them for good;
 * the page that names them is checked again on every load.
 */
function cacheControl(pathname: string): string {
  return pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export interface RunningServer {
  server: Server;
  url: string;
  /**
   * Shuts down draining: /ready fails at once (for config.shutdown.noticeMs the server still
   * accepts connections), then the server stops accepting, lets the requests in flight finish
   * for at most config.shutdown.drainMs, and closes every connection left.
   */
  close(): Promise<void>;
}

export interface HttpServerOptions {
  /** Where the server logs; by default JSON lines on stdout at config.logLevel. */
  logger?: Logger;
}

/** What a shutdown needs to know of the server's requests (set up by createHttpServer). */
interface Traffic {
  draining: boolean;
  inFlight: number;
  /** Resolves once no request is in flight. */
  idle(): Promise<void>;
  /** Called when the last request in flight ends. */
  settled(): void;
}

const traffic = new WeakMap<Server, Traffic>();

function createTraffic(): Traffic {
  let waiters: (() => void)[] = [];
  const state: Traffic = {
    draining: false,
    inFlight: 0,
    idle: () =>
      state.inFlight === 0 ? Promise.resolve() : new Promise((done) => waiters.push(done)),
    settled: () => {
      for (const done of waiters) done();
      waiters = [];
    },
  };
  return state;
}

function trackTraffic(server: Server, state = createTraffic()): Traffic {
  // Ahead of the server's own handler, so that a header set here is not too late.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    state.inFlight += 1;
    // A client on a kept-alive connection goes elsewhere for its next request.
    if (state.draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      state.inFlight -= 1;
      if (state.inFlight === 0) state.settled();
    });
  });
  traffic.set(server, state);
  return state;
}

/** The API at /graphql, /health, /ready and /metrics, and the built explorer at every other path. */
export function createHttpServer(
  config: Config,
  db: Database,
  options: HttpServerOptions = {},
): Server {
  const state = createTraffic();
  const yoga = createEntenteYoga(
    { config, db },
    { bodyLimited: true, logger: options.logger, draining: () => state.draining },
  );
  const web = existsSync(config.webDist)
    ? sirv(config.webDist, {
        single: true,
        etag: true,
        // The build writes .br and .gz copies beside each text file (vite.config.ts).
        brotli: true,
        gzip: true,
        setHeaders: (res, pathname) => {
          res.setHeader('cache-control', cacheControl(pathname));
          for (const [name, value] of Object.entries(EXPLORER_HEADERS)) res.setHeader(name, value);
        },
      })
    : undefined;
  // Connect-style middleware; it only needs node:http's request and response.
  const compress = compression({ threshold: COMPRESS_FROM_BYTES }) as unknown as (
    req: IncomingMessage,
    res: ServerResponse,
    next: () => void,
  ) => void;
  const server = createServer((req, res) => {
    // Every answer is what its content type says, never sniffed into something else.
    res.setHeader('x-content-type-options', 'nosniff');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (API_PATHS.includes(path) || !web) {
      if (!refuseBody(req, res)) compress(req, res, () => yoga(req, res));
      return;
    }
    web(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  trackTraffic(server, state);
  return server;
}

async function drain(server: Server, state: Traffic, shutdown: Config['shutdown']) {
  state.draining = true;
  if (shutdown.noticeMs > 0) await sleep(shutdown.noticeMs);
  // Stops accepting and closes the connections that are idle now.
  const closed = new Promise<void>((done) => server.close(() => done()));
  const deadline = new AbortController();
  await Promise.race([
    state.idle(),
    sleep(shutdown.drainMs, undefined, { signal: deadline.signal }).catch(() => {}),
  ]);
  deadline.abort();
  // Kept-alive connections of finished requests, and whatever outran the deadline.
  server.closeAllConnections();
  await closed;
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
      const state = traffic.get(server) ?? trackTraffic(server);
      let closing: Promise<void> | undefined;
      resolve({
        server,
        url: `http://${host}:${port}`,
        close: () => {
          closing ??= drain(server, state, config.shutdown);
          return closing;
        },
      });
    });
  });
}
