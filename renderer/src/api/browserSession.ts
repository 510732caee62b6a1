// Browser mode's sign-in: the HttpOnly cookie loads the app's files, but the WebSocket also needs a
// session secret. Other servers on 127.0.0.1 receive Parley's cookie (cookies ignore ports), never
// this secret: the page gets it once, right after the key or code was used, and keeps it in
// sessionStorage (this tab only; it survives a reload).

const STORAGE_KEY = 'parley.sessionSecret';
export const SESSION_HEADER = 'X-Parley-Session';
/** The server's page that says how to sign in (open the address printed in the terminal). */
export const SIGN_IN_PATH = '/signin';

let secret: Promise<string | null> | undefined;

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

async function exchange(): Promise<string | null> {
  try {
    const response = await fetch('/api/session', { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return stored();
    const body = (await response.json()) as { secret?: unknown };
    // null: this page was not just opened with the key (a reload), so the kept secret stands.
    if (typeof body.secret !== 'string') return stored();
    try {
      sessionStorage.setItem(STORAGE_KEY, body.secret);
    } catch {
      // Private windows may refuse storage; this page still works until it is reloaded.
    }
    return body.secret;
  } catch {
    return stored();
  }
}

/** The secret for this page: a fresh one when the address with the key was just opened, else the kept one. */
export function sessionSecret(): Promise<string | null> {
  secret ??= exchange();
  return secret;
}

/** "Sign out of this browser": the server forgets this session and its cookie; the page must be
 *  opened with the address from the terminal again. */
export async function signOutOfBrowser(): Promise<boolean> {
  const current = await sessionSecret();
  if (!current) return false;
  try {
    const response = await fetch('/api/signout', { method: 'POST', credentials: 'same-origin', cache: 'no-store', headers: { [SESSION_HEADER]: current } });
    if (!response.ok) return false;
  } catch {
    return false;
  }
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept
  }
  secret = Promise.resolve(null);
  return true;
}
