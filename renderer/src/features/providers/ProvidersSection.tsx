import { useState } from 'react';
import type { ProviderList, ProviderView } from '../../../../shared/contract/providers.ts';
import type { Result } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';
import { ProviderEditor } from './ProviderEditor.tsx';
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
          editing === provider.id ? (
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

interface RowProps {
  provider: ProviderView;
  onEdit: () => void;
  onDelete: () => void;
  onMakeDefault: () => void;
}

function ProviderRow({ provider, onEdit, onDelete, onMakeDefault }: RowProps) {
  return (
    <li className="providers__row" aria-label={provider.name}>
      <div className="providers__info">
        <span className="providers__name">
          {provider.name}
          {provider.isDefault && <span className="providers__default"> Default</span>}
        </span>
        <span className="providers__url">{provider.effectiveBaseUrl}</span>
        <span className="providers__token">{provider.hasToken ? 'Token set' : 'No token'}</span>
      </div>
      <div className="providers__actions">
        <button type="button" className="link-button" aria-label={`Edit ${provider.name}`} onClick={onEdit}>
          Edit
        </button>
        {!provider.isDefault && (
          <>
            <button type="button" className="link-button" aria-label={`Make ${provider.name} the default`} onClick={onMakeDefault}>
              Make default
            </button>
            <button type="button" className="link-button providers__delete" aria-label={`Delete ${provider.name}`} onClick={onDelete}>
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}
