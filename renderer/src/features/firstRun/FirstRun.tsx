import { useId, useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import { SetTokenInputSchema } from '../../../../shared/contract/auth.ts';
import { KeychainFallback } from '../auth/KeychainFallback.tsx';
import { useTokenSaver } from '../auth/useTokenSaver.ts';
import { useProviderName } from './useProviderName.ts';
import './firstRun.css';

interface Props {
  onDone: (status: AuthStatus) => void;
  onOpenSettings: () => void;
  /** Changes when the settings may have changed, to re-read the provider. */
  settingsVersion: number;
}

/** Shown while no token is set: asks for one, names the provider, points to Settings for another. */
export function FirstRun({ onDone, onOpenSettings, settingsVersion }: Props) {
  const saver = useTokenSaver();
  const provider = useProviderName(settingsVersion);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = `${inputId}-error`;

  const check = (): string | null => {
    const parsed = SetTokenInputSchema.safeParse({ token, storage: 'keychain' });
    if (parsed.success) return parsed.data.token;
    setError(parsed.error.issues[0]?.message ?? 'That token is not valid.');
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const valid = check();
    if (!valid) return;
    setError(null);
    const outcome = await saver.save(valid);
    if (outcome.kind === 'saved') onDone(outcome.status);
    else if (outcome.kind === 'failed') setError(outcome.error.message);
  };

  const keepForSession = async () => {
    const valid = check();
    if (!valid) return;
    const outcome = await saver.keepForSession(valid);
    if (outcome.kind === 'saved') onDone(outcome.status);
    else setError(outcome.error.message);
  };

  return (
    <main className="first-run">
      <form className="first-run__card" onSubmit={submit} noValidate>
        <h1 className="first-run__title">Welcome to Parley</h1>
        <p>
          Parley talks to <strong>evolink.ai</strong> by default. Paste your API token to start chatting.
        </p>
        {!provider.isDefault && (
          <p className="first-run__provider">
            Right now it is set to use <strong>{provider.name}</strong> instead.
          </p>
        )}
        <label className="field__label" htmlFor={inputId}>
          API token
        </label>
        <input
          id={inputId}
          className="field__input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p className="field__error" id={errorId} role="alert">
            {error}
          </p>
        )}
        {saver.keychainProblem && (
          <KeychainFallback problem={saver.keychainProblem} disabled={saver.saving} onKeepForSession={() => void keepForSession()} />
        )}
        <div className="first-run__actions">
          <button type="submit" className="button button--primary" disabled={saver.saving}>
            Save
          </button>
        </div>
        <p className="first-run__hint">
          Using a different provider?{' '}
          <button type="button" className="link-button" onClick={onOpenSettings}>
            Change the API base URL in Settings
          </button>
        </p>
      </form>
    </main>
  );
}
