import { useState } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import { useApi } from '../../app/services.tsx';

interface Props {
  /** Whose token; omitted means the default provider's. */
  providerId?: string;
  onForgotten: (status: AuthStatus) => void;
  onError: (message: string) => void;
}

/** Removes the token Parley saved (keychain or session), after asking; one from the environment stays. */
export function ForgetTokenButton({ providerId, onForgotten, onError }: Props) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const forget = async () => {
    setBusy(true);
    const result = await api.auth.clearToken(providerId ? { providerId } : undefined);
    setBusy(false);
    setAsking(false);
    if (result.ok) onForgotten(result.value);
    else onError(result.error.message);
  };
  if (!asking) {
    return (
      <button type="button" className="link-button settings__forget" onClick={() => setAsking(true)}>
        Forget the saved token
      </button>
    );
  }
  return (
    <div className="settings__confirm" role="group" aria-label="Forget the saved token?">
      <p>Forget the saved token? Your conversations stay; Parley needs a token again to send.</p>
      <div className="settings__confirm-actions">
        <button type="button" className="button" autoFocus onClick={() => setAsking(false)}>
          Keep it
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void forget()}>
          Forget token
        </button>
      </div>
    </div>
  );
}
