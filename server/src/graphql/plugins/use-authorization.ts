import type { Plugin } from 'graphql-yoga';
import type { Config } from '../../config.ts';
import { type Context, callerOf } from '../context.ts';
import { userError } from '../errors.ts';

/**
 * Puts the caller's role in the context, from `Authorization: Bearer <token>` and the tokens of
 * EDITOR_TOKENS; resolvers that curate check it with requireEditor.
 */
export function useAuthorization(config: Pick<Config, 'editors'>): Plugin<Context> {
  return {
    onContextBuilding({ context, extendContext }) {
      extendContext(callerOf(context.request, config));
    },
  };
}

/** Curator mutations need `Authorization: Bearer <token>` with a token from EDITOR_TOKENS. */
export function requireEditor(context: Pick<Context, 'role' | 'editor'>): string {
  if (context.role === 'editor' && context.editor) return context.editor;
  if (context.role === 'anonymous') {
    throw userError(
      'UNAUTHENTICATED',
      'Curating needs a token: send Authorization: Bearer <token>.',
    );
  }
  throw userError('FORBIDDEN', 'This token may not curate.');
}
