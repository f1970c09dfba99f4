import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../logger.ts';
import type { RequestRecord } from '../metrics.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a proxy in front may have given the request; anything else could forge log lines. */
const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface RequestLogOptions {
  /** Where each request's access line goes. */
  logger: Logger;
  /** Told of each GraphQL request once it is answered (the metrics count it). */
  onAnswered?: (record: RequestRecord) => void;
}

interface Entry {
  requestId: string;
  started: number;
  operation?: string;
  outcome?: string;
}

/** 'answered', or the code of the first error of an answer (the first one of a batch). */
function outcomeOf(result: unknown): string {
  const first = (Array.isArray(result) ? result[0] : result) as ExecutionResult | undefined;
  const error = first?.errors?.[0];
  if (!error) return 'answered';
  return String(error.extensions?.code ?? 'ERROR');
}

/** The outcome of a request answered before it was parsed (by a plugin's onRequest). */
function outcomeOfStatus(status: number): string {
  if (status < 400) return 'answered';
  return status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`;
}

/**
 * Gives each request an id (the caller's X-Request-Id when it is sane, else a new one), sends it
 * back as X-Request-Id, puts it in the context as `requestId` and writes one access line per
 * request once it is answered: the operation's name, the outcome, the HTTP status and the
 * duration. Listed first, so that it sees requests that other plugins answer early.
 */
export function useRequestLog({ logger, onAnswered }: RequestLogOptions): Plugin<{
  requestId: string;
}> {
  const entries = new WeakMap<Request, Entry>();
  return {
    onRequest({ request, url }) {
      const given = request.headers.get(REQUEST_ID_HEADER);
      entries.set(request, {
        requestId: given && SANE_REQUEST_ID.test(given) ? given : randomUUID(),
        started: performance.now(),
        ...(url.pathname === '/graphql' ? { operation: 'unknown' } : {}),
      });
    },
    onParams({ request, params }) {
      const entry = entries.get(request);
      if (entry) entry.operation = params.operationName ?? 'anonymous';
    },
    onContextBuilding({ context, extendContext }) {
      const entry = entries.get(context.request);
      if (entry) extendContext({ requestId: entry.requestId });
    },
    // Before validation, so that a request refused by it is named too.
    onValidate({ context, params }) {
      const entry = entries.get(context.request);
      if (entry?.operation !== 'anonymous') return;
      const name = getOperationAST(params.documentAST)?.name?.value;
      if (name) entry.operation = name;
    },
    onResultProcess({ request, result }) {
      const entry = entries.get(request);
      if (entry) entry.outcome = outcomeOf(result);
    },
    onResponse({ request, response }) {
      const entry = entries.get(request);
      if (!entry) return;
      entries.delete(request);
      response.headers.set(REQUEST_ID_HEADER, entry.requestId);
      const durationMs = Math.round((performance.now() - entry.started) * 10) / 10;
      const outcome = entry.outcome ?? outcomeOfStatus(response.status);
      const path = new URL(request.url).pathname;
      logger.info(
        {
          requestId: entry.requestId,
          method: request.method,
          path,
          operation: entry.operation,
          outcome,
          status: response.status,
          durationMs,
        },
        'request',
      );
      onAnswered?.({ operation: entry.operation, outcome, durationMs });
    },
  };
}
