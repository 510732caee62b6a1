import { useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import type { SettingsView } from '../../../../shared/settings.ts';
import { useApi } from '../../app/services.tsx';
import { applyTheme } from '../theme/applyTheme.ts';
import { ThemePicker } from '../theme/ThemePicker.tsx';
import { ModelField } from '../conversationSettings/ModelField.tsx';
import { useProviderOptions } from '../conversationSettings/useProviderOptions.ts';
import { Field } from './Field.tsx';
import { ForgetTokenButton } from './ForgetTokenButton.tsx';
import { HotkeyField } from './HotkeyField.tsx';
import { formValuesOf, toSettingsPatch, type FieldErrors, type SettingsFormValues } from './settingsForm.ts';
import { tokenDescription } from './tokenDescription.ts';
import { useHotkeyStatus } from './useHotkeyStatus.ts';
import { FormFooter } from '../../ui/FormFooter.tsx';
import { SettingsSection } from './SettingsSection.tsx';

interface Props {
  view: SettingsView;
  /** Where the data lives (app:info), shown under Data. */
  dataDir?: string | undefined;
  auth: AuthStatus;
  onCancel: () => void;
  onSaved: (auth: AuthStatus) => void;
  /** A save that keeps the dialog open (the new shortcut is not active) still reports a new token. */
  onAuthChange?: (auth: AuthStatus) => void;
}

export function SettingsForm({ view, auth, dataDir, onCancel, onSaved, onAuthChange }: Props) {
  const api = useApi();
  const [values, setValues] = useState<SettingsFormValues>(() => formValuesOf(view.settings));
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
    const status = auth;
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
    if (status !== auth) onAuthChange?.(status);
    return true;
  };

  return (
    <form className="settings" onSubmit={submit} noValidate>
      <SettingsSection id="settings-general" title="General">
        <ThemePicker
          value={values.theme}
          onChange={(theme) => {
            setValues((v) => ({ ...v, theme }));
            // A preview: closing without saving re-applies the stored theme (App re-reads the settings).
            applyTheme(theme);
          }}
        />
        <label className="settings__toggle">
          <input type="checkbox" checked={values.closeToTray} onChange={(event) => setValues((v) => ({ ...v, closeToTray: event.target.checked }))} />
          Keep running in the tray when the window is closed
        </label>
      </SettingsSection>
      <SettingsSection id="settings-model" title="Model and parameters">
        <ModelField id="settings-model-name" label="Model" value={values.model} onChange={set('model')} error={errors.model} models={models} />
        <fieldset className="settings__sampling">
          <legend>Sampling (leave empty to use the provider's default)</legend>
          <Field id="settings-temperature" label="Temperature" inputMode="decimal" value={values.temperature} onChange={set('temperature')} error={errors.temperature} placeholder="0–2" />
          <Field id="settings-top-p" label="Top P" inputMode="decimal" value={values.topP} onChange={set('topP')} error={errors.topP} placeholder="0–1" />
          <Field id="settings-top-k" label="Top K" inputMode="numeric" value={values.topK} onChange={set('topK')} error={errors.topK} placeholder="1 or more" />
        </fieldset>
        <label className="settings__toggle">
          <input type="checkbox" checked={values.stream} onChange={(event) => setValues((v) => ({ ...v, stream: event.target.checked }))} />
          Stream replies as they are written
        </label>
      </SettingsSection>
      <SettingsSection id="settings-quick" title="Quick prompt">
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
      </SettingsSection>
      <SettingsSection id="settings-data" title="Data">
        <p className="field__hint">{tokenDescription(auth)}</p>
        {(auth.source === 'keychain' || auth.source === 'session') && (
          <ForgetTokenButton onForgotten={onSaved} onError={(message) => setErrors({ form: message })} />
        )}
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
        {dataDir && (
          <p className="field__hint">
            Conversations and settings are kept in <code>{dataDir}</code>. Export and import are in the sidebar.
          </p>
        )}
      </SettingsSection>
      <FormFooter error={errors.form} onCancel={onCancel} cancelLabel={hotkeyJustSaved ? 'Close' : 'Cancel'} saving={saving} />
    </form>
  );
}
