import type { YogaInitialContext } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { editorOf } from '../editors.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export type Role = 'anonymous' | 'editor' | 'unknown-token';

export interface Context extends YogaInitialContext {
  db: Database;
  config: Config;
  loaders: Loaders;
  /** Set by useAuthorization (plugins/use-authorization.ts). */
  role: Role;
  /** The editor's name when `role` is 'editor': revisions record it. */
  editor?: string;
  /** When the request's time is up (Date.now() milliseconds): config.queryTimeoutMs from its start. */
  deadline: number;
  /** The request's id in the logs and its X-Request-Id header (plugins/use-request-log.ts). */
  requestId: string;
}

export interface ServerContext {
  db: Database;
  config: Config;
}

/** The caller's role from `Authorization: Bearer <token>`, and the editor's name if one. */
export function callerOf(
  request: Request,
  config: Pick<Config, 'editors'>,
): { role: Role; editor?: string } {
  const header = request.headers.get('authorization');
  if (!header) return { role: 'anonymous' };
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  const token = match?.[1]?.trim();
  const editor = token ? editorOf(token, config.editors) : undefined;
  return editor ? { role: 'editor', editor: editor.name } : { role: 'unknown-token' };
}

/**
 * A fresh context per request, so loaders' caches never leak between callers. Its database
 * gives each transaction only the time the request has left, and stops the running query when
 * the client goes away.
 */
export function createContext(server: ServerContext) {
  return ({ request }: YogaInitialContext) => {
    const deadline = Date.now() + server.config.queryTimeoutMs;
    const db = server.db.forRequest({ deadline, signal: request.signal });
    return { db, config: server.config, loaders: createLoaders(db), deadline };
  };
}
