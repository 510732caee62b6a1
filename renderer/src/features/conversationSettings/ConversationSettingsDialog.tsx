import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Conversation } from '../../../../shared/domain.ts';
import { useApi } from '../../app/services.tsx';
import { Field } from '../settings/Field.tsx';
import { toUpdate, valuesOf, type ConversationFormErrors, type ConversationFormValues } from './conversationSettingsForm.ts';
import { ModelField } from './ModelField.tsx';
import { useProviderOptions } from './useProviderOptions.ts';
import '../settings/settings.css';
import { FormFooter } from '../../ui/FormFooter.tsx';
import { CloseIcon } from '../../ui/icons.tsx';

interface Props {
  conversation: Omit<Conversation, 'messages'>;
  /** With the conversation as saved, or nothing when cancelled. */
  onClose: (saved?: Conversation) => void;
}

/** This conversation's own system prompt, model, sampling, streaming and provider; empty = the default. */
export function ConversationSettingsDialog({ conversation, onClose }: Props) {
  const api = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<ConversationFormValues>(() => valuesOf(conversation.settings));
  const [errors, setErrors] = useState<ConversationFormErrors & { form?: string }>({});
  const [saving, setSaving] = useState(false);
  const { providers, models } = useProviderOptions(values.providerId || undefined);
  const set = (field: keyof ConversationFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = toUpdate(conversation.id, values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    const result = await api.conversations.updateSettings(checked.update);
    setSaving(false);
    if (!result.ok) setErrors({ form: result.error.message });
    else onClose(result.value);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="conversation-settings-title"
      onClose={() => {
        if (!dialog.current?.open) onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id="conversation-settings-title">Conversation settings</h2>
        <button type="button" className="dialog__close" aria-label="Close Conversation settings" onClick={() => onClose()}>
          <CloseIcon />
        </button>
      </header>
      <form className="settings" onSubmit={submit} noValidate>
        <p className="field__hint">Empty fields use the defaults from Settings.</p>
        <div className="field">
          <label className="field__label" htmlFor="conversation-system-prompt">
            System prompt
          </label>
          <textarea
            id="conversation-system-prompt"
            className="field__input"
            rows={4}
            value={values.systemPrompt}
            onChange={(event) => set('systemPrompt')(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="conversation-provider">
            Provider
          </label>
          <select id="conversation-provider" className="field__input" value={values.providerId} onChange={(event) => set('providerId')(event.target.value)}>
            <option value="">Default provider</option>
            {providers?.providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </div>
        <ModelField id="conversation-model" label="Model" value={values.model} onChange={set('model')} models={models} placeholder="Default model" />
        <fieldset className="settings__sampling">
          <legend>Sampling</legend>
          <Field id="conversation-temperature" label="Temperature" inputMode="decimal" value={values.temperature} onChange={set('temperature')} error={errors.temperature} placeholder="0–2" />
          <Field id="conversation-top-p" label="Top P" inputMode="decimal" value={values.topP} onChange={set('topP')} error={errors.topP} placeholder="0–1" />
          <Field id="conversation-top-k" label="Top K" inputMode="numeric" value={values.topK} onChange={set('topK')} error={errors.topK} placeholder="1 or more" />
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor="conversation-stream">
            Streaming
          </label>
          <select id="conversation-stream" className="field__input" value={values.stream} onChange={(event) => set('stream')(event.target.value)}>
            <option value="">Default</option>
            <option value="on">Stream replies</option>
            <option value="off">Wait for the whole reply</option>
          </select>
        </div>
        <FormFooter error={errors.form} onCancel={() => onClose()} saving={saving} />
      </form>
    </dialog>
  );
}
