import { useState } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import { useApi } from '../../app/services.tsx';

interface Props {
  onForgotten: (status: AuthStatus) => void;
  onError: (message: string) => void;
}

/** Removes the token Parley saved (keychain or session); one from the environment stays. */
export function ForgetTokenButton({ onForgotten, onError }: Props) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const forget = async () => {
    setBusy(true);
    const result = await api.auth.clearToken();
    setBusy(false);
    if (result.ok) onForgotten(result.value);
    else onError(result.error.message);
  };
  return (
    <button type="button" className="link-button settings__forget" onClick={() => void forget()} disabled={busy}>
      Forget the saved token
    </button>
  );
}
