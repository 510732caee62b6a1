import { useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import type { SettingsView } from '../../../../shared/settings.ts';
import { useApi } from '../../app/services.tsx';
import { KeychainFallback } from '../auth/KeychainFallback.tsx';
import { applyTheme } from '../theme/applyTheme.ts';
import { ThemePicker } from '../theme/ThemePicker.tsx';
import { useTokenSaver } from '../auth/useTokenSaver.ts';
import { ModelField } from '../conversationSettings/ModelField.tsx';
import { useProviderOptions } from '../conversationSettings/useProviderOptions.ts';
import { Field } from './Field.tsx';
import { ForgetTokenButton } from './ForgetTokenButton.tsx';
import { HotkeyField } from './HotkeyField.tsx';
import { formValuesOf, toSettingsPatch, type FieldErrors, type SettingsFormValues } from './settingsForm.ts';
import { tokenDescription } from './tokenDescription.ts';
import { useHotkeyStatus } from './useHotkeyStatus.ts';
import { FormFooter } from '../../ui/FormFooter.tsx';

interface Props {
  view: SettingsView;
  auth: AuthStatus;
  onCancel: () => void;
  onSaved: (auth: AuthStatus) => void;
  /** A save that keeps the dialog open (the new shortcut is not active) still reports a new token. */
  onAuthChange?: (auth: AuthStatus) => void;
}

export function SettingsForm({ view, auth, onCancel, onSaved, onAuthChange }: Props) {
  const api = useApi();
  const tokenSaver = useTokenSaver();
  const [values, setValues] = useState<SettingsFormValues>(() => formValuesOf(view.settings));
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [hotkeyStatus, refreshHotkey] = useHotkeyStatus();
  const { models } = useProviderOptions(undefined);
  const [savedHotkey, setSavedHotkey] = useState(view.settings.quickPromptHotkey);
  const [hotkeyJustSaved, setHotkeyJustSaved] = useState(false);
  const set = (field: keyof SettingsFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = toSettingsPatch(values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const updated = await api.settings.update(checked.patch);
    if (!updated.ok) {
      setSaving(false);
      setErrors({ form: updated.error.message });
      return;
    }
    let status = auth;
    if (token.trim()) {
      const outcome = await tokenSaver.save(token.trim());
      setSaving(false);
      if (outcome.kind === 'failed') setErrors({ form: outcome.error.message });
      if (outcome.kind !== 'saved') return; // keep the dialog open: an error or the session-only offer shows
      status = outcome.status;
    }
    setSaving(false);
    if (await keepOpenForHotkey(updated.value.settings.quickPromptHotkey, status)) return;
    onSaved(status);
  };

  /** A changed shortcut that main could not set keeps the dialog open, so the user can pick another. */
  const keepOpenForHotkey = async (saved: string, status: AuthStatus): Promise<boolean> => {
    if (saved === savedHotkey) return false;
    setSavedHotkey(saved);
    setValues((v) => ({ ...v, quickPromptHotkey: saved }));
    const hotkey = await refreshHotkey();
    if (!hotkey || hotkey.registered || hotkey.accelerator === '') return false;
    setHotkeyJustSaved(true);
    setToken('');
    if (status !== auth) onAuthChange?.(status);
    return true;
  };

  const keepForSession = async () => {
    const outcome = await tokenSaver.keepForSession(token.trim());
    if (outcome.kind === 'saved') onSaved(outcome.status);
    else setErrors({ form: outcome.error.message });
  };

  return (
    <form className="settings" onSubmit={submit} noValidate>
      <Field
        id="settings-base-url"
        label="API base URL"
        type="url"
        value={values.apiBaseUrl}
        onChange={set('apiBaseUrl')}
        error={errors.apiBaseUrl}
        spellCheck={false}
        hint={
          view.overriddenByEnv.apiBaseUrl
            ? `PARLEY_API_BASE_URL is set, so Parley uses ${view.effectiveBaseUrl} and ignores this field.`
            : 'An OpenAI-compatible endpoint; the default is evolink.ai.'
        }
      />
      <Field
        id="settings-token"
        label="API token"
        type="password"
        value={token}
        onChange={setToken}
        autoComplete="off"
        spellCheck={false}
        placeholder={auth.hasToken ? 'Leave empty to keep the current token' : 'Paste your token'}
        hint={tokenDescription(auth)}
      />
      {(auth.source === 'keychain' || auth.source === 'session') && (
        <ForgetTokenButton onForgotten={onSaved} onError={(message) => setErrors({ form: message })} />
      )}
      {tokenSaver.keychainProblem && (
        <KeychainFallback problem={tokenSaver.keychainProblem} disabled={tokenSaver.saving} onKeepForSession={() => void keepForSession()} />
      )}
      <ModelField id="settings-model" label="Model" value={values.model} onChange={set('model')} error={errors.model} models={models} />
      <fieldset className="settings__sampling">
        <legend>Sampling (leave empty to use the provider's default)</legend>
        <Field id="settings-temperature" label="Temperature" inputMode="decimal" value={values.temperature} onChange={set('temperature')} error={errors.temperature} placeholder="0–2" />
        <Field id="settings-top-p" label="Top P" inputMode="decimal" value={values.topP} onChange={set('topP')} error={errors.topP} placeholder="0–1" />
        <Field id="settings-top-k" label="Top K" inputMode="numeric" value={values.topK} onChange={set('topK')} error={errors.topK} placeholder="1 or more" />
      </fieldset>
      <Field
        id="settings-proxy"
        label="Proxy"
        type="url"
        value={values.proxyUrl}
        onChange={set('proxyUrl')}
        error={errors.proxyUrl}
        spellCheck={false}
        placeholder="http://proxy.example.com:8080"
        hint="For networks that reach the internet through a proxy. Empty: HTTPS_PROXY from the environment applies, if set."
      />
      <label className="settings__toggle">
        <input type="checkbox" checked={values.stream} onChange={(event) => setValues((v) => ({ ...v, stream: event.target.checked }))} />
        Stream replies as they are written
      </label>
      <ThemePicker
        value={values.theme}
        onChange={(theme) => {
          setValues((v) => ({ ...v, theme }));
          // A preview: closing without saving re-applies the stored theme (App re-reads the settings).
          applyTheme(theme);
        }}
      />
      <HotkeyField
        value={values.quickPromptHotkey}
        onChange={(value) => {
          setHotkeyJustSaved(false);
          set('quickPromptHotkey')(value);
        }}
        error={errors.quickPromptHotkey}
        status={hotkeyStatus}
        justSaved={hotkeyJustSaved}
      />
      <label className="settings__toggle">
        <input type="checkbox" checked={values.closeToTray} onChange={(event) => setValues((v) => ({ ...v, closeToTray: event.target.checked }))} />
        Keep running in the tray when the window is closed
      </label>
      <FormFooter error={errors.form} onCancel={onCancel} cancelLabel={hotkeyJustSaved ? 'Close' : 'Cancel'} saving={saving} />
    </form>
  );
}
