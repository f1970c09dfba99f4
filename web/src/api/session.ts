// The editor's token, for this tab only (sessionStorage): sent as `Authorization: Bearer` with
// every request while set, forgotten on sign-out or when the tab closes.

const KEY = 'entente.editor-token';

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

let token: string | null = stored();

export function editorToken(): string | null {
  return token;
}

export function setEditorToken(value: string | null): void {
  token = value;
  try {
    if (value) sessionStorage.setItem(KEY, value);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the token lasts as long as the page.
  }
}
