import { useCallback, useState } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';

export type TokenSaveOutcome =
  | { kind: 'saved'; status: AuthStatus }
  /** No keychain reachable: the user may keep the token in memory for this session instead. */
  | { kind: 'keychain_unavailable'; error: AppError }
  | { kind: 'failed'; error: AppError };

export interface TokenSaver {
  saving: boolean;
  /** Set after a keychain_unavailable answer, until the user decides. */
  keychainProblem: AppError | null;
  save: (token: string) => Promise<TokenSaveOutcome>;
  keepForSession: (token: string) => Promise<TokenSaveOutcome>;
}

/** Saves a token to the keychain, and offers the session-only fallback when there is none. */
export function useTokenSaver(): TokenSaver {
  const api = useApi();
  const [saving, setSaving] = useState(false);
  const [keychainProblem, setKeychainProblem] = useState<AppError | null>(null);

  const store = useCallback(
    async (token: string, storage: 'keychain' | 'session'): Promise<TokenSaveOutcome> => {
      setSaving(true);
      const result = await api.auth.setToken({ token, storage });
      setSaving(false);
      if (result.ok) {
        setKeychainProblem(null);
        return { kind: 'saved', status: result.value };
      }
      if (result.error.code === 'keychain_unavailable') {
        setKeychainProblem(result.error);
        return { kind: 'keychain_unavailable', error: result.error };
      }
      return { kind: 'failed', error: result.error };
    },
    [api],
  );

  const save = useCallback((token: string) => store(token, 'keychain'), [store]);
  const keepForSession = useCallback((token: string) => store(token, 'session'), [store]);
  return { saving, keychainProblem, save, keepForSession };
}
