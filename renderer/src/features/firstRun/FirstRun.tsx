import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import { SetTokenInputSchema } from '../../../../shared/contract/auth.ts';
import { EVOLINK_API_KEYS_URL, EVOLINK_PRESETS, linksFor } from '../../../../shared/providerLinks.ts';
import type { SettingsView } from '../../../../shared/settings.ts';
import { useApi } from '../../app/services.tsx';
import { KeychainFallback } from '../auth/KeychainFallback.tsx';
import { useTokenSaver } from '../auth/useTokenSaver.ts';
import { EvolinkPresets } from './EvolinkPresets.tsx';
import { useProviderName } from './useProviderName.ts';
import { useTokenCheck } from './useTokenCheck.ts';
import type { OpenSettings } from '../settings/settingsTarget.ts';
import './firstRun.css';

interface Props {
  onDone: (status: AuthStatus) => void;
  onOpenSettings: OpenSettings;
  /** Changes when the settings may have changed, to re-read the provider. */
  settingsVersion: number;
}

/** The settings as the first run needs them; null until read. */
function useSettingsView(version: number): SettingsView | null {
  const api = useApi();
  const [view, setView] = useState<SettingsView | null>(null);
  useEffect(() => {
    let live = true;
    void api.settings.get().then((result) => live && result.ok && setView(result.value));
    return () => {
      live = false;
    };
  }, [api, version]);
  return view;
}

/**
 * Shown while no token is set (and there is no history to read): evolink's address and model, the
 * token, checked with one cheap request before it is saved, and where to get one.
 */
export function FirstRun({ onDone, onOpenSettings, settingsVersion }: Props) {
  const api = useApi();
  const saver = useTokenSaver();
  const tokenCheck = useTokenCheck();
  const provider = useProviderName(settingsVersion);
  const view = useSettingsView(settingsVersion);
  const [token, setToken] = useState('');
  const [choice, setChoice] = useState<{ baseUrl?: string; model?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const checkId = `${inputId}-check`;
  // The presets only where the address is evolink's and not fixed by PARLEY_API_BASE_URL.
  const presets = view && !view.overriddenByEnv.apiBaseUrl && EVOLINK_PRESETS.some((p) => p.baseUrl === view.settings.apiBaseUrl);
  const baseUrl = choice.baseUrl ?? view?.settings.apiBaseUrl ?? '';
  const model = choice.model ?? view?.settings.model ?? '';
  const keysUrl = linksFor(view?.effectiveBaseUrl)?.apiKeys ?? (provider.isDefault ? EVOLINK_API_KEYS_URL : undefined);

  const valid = (): string | null => {
    const parsed = SetTokenInputSchema.safeParse({ token, storage: 'keychain' });
    if (parsed.success) return parsed.data.token;
    setError(parsed.error.issues[0]?.message ?? 'That token is not valid.');
    return null;
  };

  const save = async (value: string) => {
    const outcome = await saver.save(value);
    if (outcome.kind === 'saved') onDone(outcome.status);
    else if (outcome.kind === 'failed') setError(outcome.error.message);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = valid();
    if (!value) return;
    setError(null);
    if (presets && (baseUrl !== view.settings.apiBaseUrl || model !== view.settings.model)) {
      const updated = await api.settings.update({ apiBaseUrl: baseUrl, model });
      if (!updated.ok) return setError(updated.error.message);
    }
    const found = await tokenCheck.check(value);
    if (found.verdict === 'valid') await save(value);
  };

  const keepForSession = async () => {
    const value = valid();
    if (!value) return;
    const outcome = await saver.keepForSession(value);
    if (outcome.kind === 'saved') onDone(outcome.status);
    else setError(outcome.error.message);
  };

  const status = tokenCheck.status;
  const found = status.state === 'done' && status.token === token.trim() ? status.check : undefined;
  const busy = saver.saving || status.state === 'checking';
  return (
    <main className="first-run">
      <form className="first-run__card" onSubmit={submit} noValidate aria-labelledby="first-run-title">
        <h1 className="first-run__title" id="first-run-title">
          Welcome to Parley
        </h1>
        <p>
          Parley talks to <strong>evolink.ai</strong> by default. Paste your API token to start chatting.
        </p>
        {!provider.isDefault && (
          <p className="first-run__provider">
            Right now it is set to use <strong>{provider.name}</strong> instead.
          </p>
        )}
        {presets && (
          <EvolinkPresets
            baseUrl={baseUrl}
            model={model}
            onBaseUrl={(next) => setChoice((c) => ({ ...c, baseUrl: next }))}
            onModel={(next) => setChoice((c) => ({ ...c, model: next }))}
          />
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
          onChange={(event) => {
            setToken(event.target.value);
            tokenCheck.reset();
          }}
          aria-invalid={error || found?.verdict === 'invalid' ? true : undefined}
          aria-describedby={[error ? errorId : '', found ? checkId : ''].filter(Boolean).join(' ') || undefined}
        />
        {keysUrl && (
          <p className="first-run__hint">
            No token yet?{' '}
            <a href={keysUrl} target="_blank" rel="noreferrer noopener">
              Get an API key at evolink.ai
            </a>
          </p>
        )}
        {error && (
          <p className="field__error" id={errorId} role="alert">
            {error}
          </p>
        )}
        {found && found.verdict !== 'valid' && (
          <div className={`first-run__check first-run__check--${found.verdict}`} id={checkId} role="alert">
            <p>{found.message}</p>
            <div className="first-run__actions">
              {found.helpUrl && (
                <a className="button" href={found.helpUrl} target="_blank" rel="noreferrer noopener">
                  {found.verdict === 'no_credits' ? 'Top up credits' : 'Get a new key'}
                </a>
              )}
              {found.verdict !== 'invalid' && (
                <button type="button" className="button" disabled={busy} onClick={() => void save(token.trim())}>
                  Save anyway
                </button>
              )}
            </div>
          </div>
        )}
        {saver.keychainProblem && (
          <KeychainFallback problem={saver.keychainProblem} disabled={saver.saving} onKeepForSession={() => void keepForSession()} />
        )}
        <div className="first-run__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {status.state === 'checking' ? 'Checking…' : 'Check and save'}
          </button>
        </div>
        <p className="first-run__hint">
          Using a different provider?{' '}
          <button type="button" className="link-button" onClick={() => onOpenSettings({ providerId: 'default' })}>
            Change the API base URL in Settings
          </button>
        </p>
      </form>
    </main>
  );
}
