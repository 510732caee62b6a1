import { useState } from 'react';
import type { ProviderList } from '../../../../shared/contract/providers.ts';
import type { Result } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';
import { ProviderEditor } from './ProviderEditor.tsx';
import { ProviderRow } from './ProviderRow.tsx';
import { useProviders } from './useProviders.ts';
import './providers.css';

/** Every saved provider, with add, edit, delete and "make default"; each change is saved at once. */
export function ProvidersSection({ onChanged, editId }: { onChanged?: () => void; editId?: string | undefined }) {
  const api = useApi();
  const { list, error, update } = useProviders();
  const [editing, setEditing] = useState<string | 'new' | null>(editId ?? null);
  const [actionError, setActionError] = useState<string | null>(null);

  const done = (changed: boolean) => {
    setEditing(null);
    if (changed) {
      update();
      onChanged?.();
    }
  };
  const act = async (call: Promise<Result<ProviderList>>) => {
    const result = await call;
    if (result.ok) {
      update(result.value);
      onChanged?.();
    }
    setActionError(result.ok ? null : result.error.message);
  };

  return (
    <section className="providers" aria-labelledby="providers-title">
      <h3 id="providers-title" className="providers__title">
        Providers
      </h3>
      {error && <p role="alert">Could not load the providers: {error.message}</p>}
      <ul className="providers__list">
        {list?.providers.map((provider) =>
          editing === provider.id || (editing === 'default' && provider.isDefault) ? (
            <li key={provider.id}>
              <ProviderEditor provider={provider} onDone={done} focusToken={provider.id === editId} />
            </li>
          ) : (
            <ProviderRow
              key={provider.id}
              provider={provider}
              onEdit={() => setEditing(provider.id)}
              onDelete={() => void act(api.providers.delete({ id: provider.id }))}
              onMakeDefault={() => void act(api.providers.setDefault({ id: provider.id }))}
            />
          ),
        )}
      </ul>
      {actionError && (
        <p className="settings__error" role="alert">
          {actionError}
        </p>
      )}
      {editing === 'new' ? (
        <ProviderEditor onDone={done} />
      ) : (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          Add provider
        </button>
      )}
    </section>
  );
}
