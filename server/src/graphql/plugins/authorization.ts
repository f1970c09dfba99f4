import type { Context } from '../context.ts';
import { userError } from '../errors.ts';

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
