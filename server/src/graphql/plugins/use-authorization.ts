import type { Plugin } from 'graphql-yoga';
import type { Config } from '../../config.ts';
import { type Context, roleOf } from '../context.ts';
import { userError } from '../errors.ts';

/**
 * Puts the caller's role in the context, from `Authorization: Bearer <token>` and the tokens of
 * EDITOR_TOKENS; resolvers that curate check it with requireEditor.
 */
export function useAuthorization(config: Pick<Config, 'editorTokens'>): Plugin<Context> {
  return {
    onContextBuilding({ context, extendContext }) {
      extendContext({ role: roleOf(context.request, config) });
    },
  };
}

/** Curator mutations need `Authorization: Bearer <token>` with a token from EDITOR_TOKENS. */
export function requireEditor(context: Pick<Context, 'role'>): void {
  if (context.role === 'editor') return;
  if (context.role === 'anonymous') {
    throw userError(
      'UNAUTHENTICATED',
      'Curating needs a token: send Authorization: Bearer <token>.',
    );
  }
  throw userError('FORBIDDEN', 'This token may not curate.');
}
