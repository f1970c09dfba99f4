import { type FormEvent, useState } from 'react';
import { useEditorSession } from '../state/editor-session.tsx';

/** "Sign in to edit" with an editor's token, or who is editing and "Sign out". */
export function SignIn() {
  const { editor, signIn, signOut } = useEditorSession();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (editor) {
    return (
      <div className="sign-in">
        <span>
          Editing as <strong>{editor}</strong>
        </span>{' '}
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <div className="sign-in">
        <button type="button" onClick={() => setOpen(true)}>
          Sign in to edit
        </button>
      </div>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(token);
      setToken('');
      setOpen(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="sign-in" onSubmit={submit}>
      <label>
        Editor token{' '}
        <input
          type="password"
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          required
        />
      </label>{' '}
      <button type="submit" disabled={busy || token.trim() === ''}>
        Sign in
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      )}
    </form>
  );
}
