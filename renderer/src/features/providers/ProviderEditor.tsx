import { useState, type KeyboardEvent } from 'react';
import type { ProviderView } from '../../../../shared/contract/providers.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';
import { EVOLINK_PRESETS } from '../../../../shared/providerLinks.ts';
import { Field } from '../settings/Field.tsx';
import { ForgetTokenButton } from '../settings/ForgetTokenButton.tsx';

interface Props {
  /** Absent: a new provider. */
  provider?: ProviderView;
  onDone: (changed: boolean) => void;
  /** Opened from a reply the provider refused: the token is what to fix. */
  focusToken?: boolean;
}

/** Adds or changes a provider: name, base URL and (optionally) its own token, kept in the keychain. */
export function ProviderEditor({ provider, onDone, focusToken = false }: Props) {
  const api = useApi();
  const [name, setName] = useState(provider?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? '');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [keychainProblem, setKeychainProblem] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  /** Set when main asks whether the stored token may go to the new host (confirm_required). */
  const [tokenQuestion, setTokenQuestion] = useState<string | null>(null);
  const prefix = provider ? `provider-${provider.id}` : 'provider-new';
  // What the environment sets is shown as such and cannot be changed here.
  const urlFromEnv = provider?.isDefault === true && provider.effectiveBaseUrl !== provider.baseUrl;
  const tokenFromEnv = provider?.tokenSource === 'env';

  const storeToken = async (providerId: string, storage: 'keychain' | 'session') => {
    const result = await api.auth.setToken({ token: token.trim(), storage, providerId });
    if (result.ok) return onDone(true);
    if (result.error.code === 'keychain_unavailable') setKeychainProblem(result.error);
    else setError(result.error.message);
  };

  const save = async (keepToken?: boolean) => {
    setBusy(true);
    setError(null);
    // A retry after a token problem must not add the provider a second time.
    const id = savedId ?? provider?.id;
    // A new token typed here replaces the old one anyway: the old one need not follow the new URL.
    const keep = keepToken ?? (token.trim() ? false : undefined);
    const saved = await api.providers.save({ ...(id ? { id } : {}), name, baseUrl, ...(keep === undefined ? {} : { keepToken: keep }) });
    if (!saved.ok) {
      setBusy(false);
      if (saved.error.code === 'confirm_required') setTokenQuestion(saved.error.message);
      else setError(saved.error.message);
      return;
    }
    setTokenQuestion(null);
    setSavedId(saved.value.id);
    if (token.trim()) await storeToken(saved.value.id, 'keychain');
    else onDone(true);
    setBusy(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // Closes this editor, not the whole Settings dialog.
      event.preventDefault();
      event.stopPropagation();
      onDone(savedId !== null);
    }
  };

  return (
    <div className="provider-editor" role="group" aria-label={provider ? `Edit ${provider.name}` : 'New provider'} onKeyDown={onKeyDown}>
      <Field id={`${prefix}-name`} label="Provider name" value={name} onChange={setName} autoFocus={!focusToken} autoComplete="off" />
      <Field
        id={`${prefix}-url`}
        label="Provider base URL"
        type="url"
        value={urlFromEnv ? provider.effectiveBaseUrl : baseUrl}
        onChange={setBaseUrl}
        readOnly={urlFromEnv}
        spellCheck={false}
        placeholder="https://api.example.com/v1"
        hint={urlFromEnv ? 'Set by PARLEY_API_BASE_URL; unset it to change the address here.' : undefined}
      />
      {!urlFromEnv && (
        <div className="provider-editor__presets" role="group" aria-label="evolink addresses">
          {EVOLINK_PRESETS.map((preset) => (
            <button key={preset.baseUrl} type="button" className="link-button" title={preset.note} onClick={() => setBaseUrl(preset.baseUrl)}>
              {preset.label}
            </button>
          ))}
        </div>
      )}
      <Field
        id={`${prefix}-token`}
        label="Provider API token"
        type="password"
        value={token}
        onChange={setToken}
        readOnly={tokenFromEnv}
        hint={tokenFromEnv ? 'Set by PARLEY_API_TOKEN; it wins over one saved here.' : undefined}
        autoFocus={focusToken}
        autoComplete="off"
        spellCheck={false}
        placeholder={provider?.hasToken ? 'Leave empty to keep the current token' : 'Paste its token'}
      />
      {tokenQuestion && (
        <div className="keychain-fallback" role="alert">
          <p>{tokenQuestion}</p>
          <button type="button" className="button" disabled={busy} onClick={() => void save(true)}>
            Keep the token
          </button>{' '}
          <button type="button" className="button" disabled={busy} onClick={() => void save(false)}>
            Forget the token
          </button>
        </div>
      )}
      {provider && (provider.tokenSource === 'keychain' || provider.tokenSource === 'session') && (
        <ForgetTokenButton providerId={provider.id} onForgotten={() => onDone(true)} onError={setError} />
      )}
      {keychainProblem && (
        <div className="keychain-fallback" role="alert">
          <p>{keychainProblem.message}</p>
          <button type="button" className="button" disabled={busy} onClick={() => savedId && void storeToken(savedId, 'session')}>
            Keep for this session only
          </button>
        </div>
      )}
      {error && (
        <p className="settings__error" role="alert">
          {error}
        </p>
      )}
      <div className="settings__actions">
        <button type="button" className="button" onClick={() => onDone(savedId !== null)}>
          Cancel
        </button>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
          Save provider
        </button>
      </div>
    </div>
  );
}
