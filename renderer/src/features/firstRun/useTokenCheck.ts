import { useCallback, useState } from 'react';
import type { TokenCheck } from '../../../../shared/contract/auth.ts';
import { useApi } from '../../app/services.tsx';

export type CheckState = { state: 'idle' } | { state: 'checking' } | { state: 'done'; check: TokenCheck; token: string };

/** Tries a token against the provider before it is saved. */
export function useTokenCheck(): { status: CheckState; check: (token: string) => Promise<TokenCheck>; reset: () => void } {
  const api = useApi();
  const [status, setStatus] = useState<CheckState>({ state: 'idle' });
  const check = useCallback(
    async (token: string): Promise<TokenCheck> => {
      setStatus({ state: 'checking' });
      const result = await api.auth.checkToken({ token });
      const found: TokenCheck = result.ok ? result.value : { verdict: 'unchecked', message: `Could not check the token: ${result.error.message}` };
      setStatus({ state: 'done', check: found, token });
      return found;
    },
    [api],
  );
  const reset = useCallback(() => setStatus({ state: 'idle' }), []);
  return { status, check, reset };
}
