import { useCallback, useEffect, useState } from 'react';
import type { AuthStatus } from '../../../shared/contract/auth.ts';
import type { AppError } from '../../../shared/errors.ts';
import { useApi } from './services.tsx';

export type AuthState = { state: 'loading' } | { state: 'failed'; error: AppError } | { state: 'ready'; status: AuthStatus };

/** Whether a token is set, which decides between the first-run screen and the chat. */
export function useAuthStatus(): [AuthState, (status: AuthStatus) => void, () => void] {
  const api = useApi();
  const [auth, setAuth] = useState<AuthState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void api.auth.status().then((result) => {
      if (live) setAuth(result.ok ? { state: 'ready', status: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [api, attempt]);
  const update = useCallback((status: AuthStatus) => setAuth({ state: 'ready', status }), []);
  const retry = useCallback(() => {
    setAuth({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return [auth, update, retry];
}
