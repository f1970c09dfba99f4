// Per-client budgets for a public endpoint. The query limits bound one request; these bound how
// much of Neo4j one client may take per minute: requests, and query cost as the cost check prices
// it, so that neither many cheap requests nor a few costly ones crowd other readers out.

import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../config.ts';
import { userError } from '../errors.ts';

const WINDOW_SECONDS = 60;

/** What the node:http adapter puts in every request's server context. */
interface NodeServerContext {
  req?: IncomingMessage;
}

/**
 * The address a request came from. Behind `hops` trusted reverse proxies, each of which appends
 * the address it was called from to X-Forwarded-For, the client is the entry the outermost
 * trusted proxy wrote; entries further left are the client's to invent and are never used.
 */
export function clientAddress(req: IncomingMessage | undefined, hops: number): string {
  const peer = req?.socket.remoteAddress ?? 'unknown';
  if (!req || hops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[Math.max(forwarded.length - hops, 0)] ?? peer;
}

/**
 * The budget an address counts against. An IPv4 address has its own; an IPv6 address shares its
 * /64, the block one subscriber is usually given, so that a client cannot start afresh by moving
 * to the next address of it. An IPv4 address mapped into IPv6 (::ffff:a.b.c.d) counts as IPv4.
 */
export function budgetKey(address: string): string {
  const bare = (address.split('%')[0] ?? address).toLowerCase(); // without a zone index
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  const groups = tail === undefined ? left : [...left, ...zeros, ...right];
  const prefix = groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, ''));
  return `${prefix.join(':')}::/64`;
}

/** What a refused client is told: which budget ran out, and when to try again. */
function refusal(what: string, limit: number, msBeforeNext: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return {
    message: `Rate limit of ${limit} ${what} per minute reached; try again in ${retryAfterSeconds} s.`,
    extensions: { code: 'RATE_LIMITED' as const, retryAfterSeconds },
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}

/** Charges a request's cost to its client; resolves to the error to answer with when spent. */
export type ChargeCost = (context: object, cost: number) => Promise<GraphQLError | undefined>;

export interface RateLimits {
  /** Counts a request to /graphql; resolves to the 429 answer's body and headers when spent. */
  countRequest(
    request: Request,
    serverContext: unknown,
  ): Promise<{ body: string; headers: Record<string, string> } | undefined>;
  chargeCost: ChargeCost;
}

/** The budgets of one server, kept in its memory: each API process counts for itself. */
export function createRateLimits(config: Config): RateLimits {
  const { requestsPerMinute, costPerMinute, trustProxyHops } = config.rateLimit;
  const requests =
    requestsPerMinute > 0
      ? new RateLimiterMemory({ points: requestsPerMinute, duration: WINDOW_SECONDS })
      : undefined;
  const cost =
    costPerMinute > 0
      ? new RateLimiterMemory({ points: costPerMinute, duration: WINDOW_SECONDS })
      : undefined;

  const clientOf = (req: IncomingMessage | undefined) =>
    budgetKey(clientAddress(req, trustProxyHops));

  const countRequest: RateLimits['countRequest'] = async (_request, serverContext) => {
    if (!requests) return undefined;
    const client = clientOf((serverContext as NodeServerContext).req);
    try {
      await requests.consume(client);
      return undefined;
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      const { message, extensions, headers } = refusal(
        'requests',
        requestsPerMinute,
        refused.msBeforeNext,
      );
      return {
        body: JSON.stringify({ errors: [{ message, extensions }] }),
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      };
    }
  };

  const chargeCost: ChargeCost = async (context, points) => {
    const { req } = context as NodeServerContext;
    if (!cost || points <= 0) return undefined;
    const client = clientOf(req);
    try {
      await cost.consume(client, points);
      return undefined;
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      // A refused query does not run, so it spends nothing.
      await cost.reward(client, points);
      const { message, extensions, headers } = refusal(
        'cost points',
        costPerMinute,
        refused.msBeforeNext,
      );
      return userError(extensions.code, message, { ...extensions, http: { status: 429, headers } });
    }
  };

  return { countRequest, chargeCost };
}

/**
 * Counts requests to /graphql against their client's budget before their bodies are read; the
 * cost budget is charged by useQueryLimits, through the same RateLimits.
 */
export function useRateLimits(limits: RateLimits): Plugin {
  return {
    onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      if (url.pathname !== '/graphql') return;
      return limits.countRequest(request, serverContext).then((refused) => {
        if (!refused) return;
        const { body, headers } = refused;
        endResponse(new fetchAPI.Response(body, { status: 429, headers }));
      });
    },
  };
}
