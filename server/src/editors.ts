import { createHash, timingSafeEqual } from 'node:crypto';

/** Someone who may curate: the name revisions record, and the bearer token that proves it. */
export interface Editor {
  name: string;
  token: string;
}

/** The name of an editor whose EDITOR_TOKENS entry gives a token alone. */
export const UNNAMED_EDITOR = 'editor';

/** Names as revisions show them: letters, digits, and . _ - @ between them. */
const EDITOR_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

/**
 * EDITOR_TOKENS: comma-separated `name:token` pairs (a bare token is the editor "editor").
 * Throws a message naming the entry for an empty or malformed one, or a token given twice.
 */
export function parseEditors(raw: string | undefined): Editor[] {
  const entries = (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const editors = entries.map((entry, index): Editor => {
    const colon = entry.indexOf(':');
    const name = colon < 0 ? UNNAMED_EDITOR : entry.slice(0, colon).trim();
    const token = (colon < 0 ? entry : entry.slice(colon + 1)).trim();
    if (!EDITOR_NAME.test(name)) {
      throw new Error(
        `entry ${index + 1} has the name "${name}": a name is 1-64 letters, digits, . _ - or @, starting with a letter or digit`,
      );
    }
    if (token.length < 8) {
      throw new Error(`entry ${index + 1} (${name}) has a token shorter than 8 characters`);
    }
    return { name, token };
  });
  const tokens = new Set<string>();
  for (const [index, editor] of editors.entries()) {
    if (tokens.has(editor.token))
      throw new Error(`entry ${index + 1} (${editor.name}) repeats a token`);
    tokens.add(editor.token);
  }
  return editors;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The editor a bearer token belongs to. Every editor's token is compared, each in constant time
 * (digests of equal length), so how long it takes tells nothing of how much of a token matched.
 */
export function editorOf(token: string, editors: readonly Editor[]): Editor | undefined {
  const given = digest(token);
  let found: Editor | undefined;
  for (const editor of editors) {
    if (timingSafeEqual(given, digest(editor.token)) && !found) found = editor;
  }
  return found;
}
