import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { fetchEditor } from '../api/curation.ts';
import { editorToken, setEditorToken } from '../api/session.ts';

/** Who is editing in this tab: the editor's name once a token is signed in, else null. */
export interface EditorSession {
  editor: string | null;
  /** Checks the token with the API and keeps it for the tab; rejects if it is no editor's. */
  signIn(token: string): Promise<void>;
  signOut(): void;
}

const EditorSessionContext = createContext<EditorSession>({
  editor: null,
  signIn: async () => {},
  signOut: () => {},
});

export function EditorSessionProvider({ children }: { children: ReactNode }) {
  const [editor, setEditor] = useState<string | null>(null);
  // A token kept from before a reload is checked again: it may have been revoked meanwhile.
  useEffect(() => {
    if (!editorToken()) return;
    fetchEditor().then(
      (name) => {
        if (name) setEditor(name);
        else setEditorToken(null);
      },
      () => {},
    );
  }, []);
  const signIn = useCallback(async (token: string) => {
    setEditorToken(token.trim());
    let name: string | null;
    try {
      name = await fetchEditor();
    } catch (error) {
      setEditorToken(null);
      throw error;
    }
    if (!name) {
      setEditorToken(null);
      throw new Error('That token is not an editor’s token.');
    }
    setEditor(name);
  }, []);
  const signOut = useCallback(() => {
    setEditorToken(null);
    setEditor(null);
  }, []);
  return (
    <EditorSessionContext.Provider value={{ editor, signIn, signOut }}>
      {children}
    </EditorSessionContext.Provider>
  );
}

export function useEditorSession(): EditorSession {
  return useContext(EditorSessionContext);
}
