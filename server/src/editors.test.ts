import { describe, expect, it } from 'vitest';
import { editorOf, parseEditors } from './editors.ts';

describe('editors', () => {
  const editors = parseEditors('ana:token-of-ana, bo:token-of-bo, token-unnamed');

  it('reads name:token pairs, a bare token being the editor "editor"', () => {
    expect(editors.map((editor) => editor.name)).toEqual(['ana', 'bo', 'editor']);
  });

  it('finds the editor of a token, and no one for a token that differs by a character or a prefix', () => {
    expect(editorOf('token-of-bo', editors)?.name).toBe('bo');
    expect(editorOf('token-unnamed', editors)?.name).toBe('editor');
    expect(editorOf('token-of-bp', editors)).toBeUndefined();
    expect(editorOf('token-of-', editors)).toBeUndefined();
    expect(editorOf('token-of-bo ', editors)).toBeUndefined();
    expect(editorOf('', editors)).toBeUndefined();
  });
});
