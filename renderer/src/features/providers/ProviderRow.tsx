import { useState } from 'react';
import type { TokenCheck } from '../../../../shared/contract/auth.ts';
import type { ProviderView } from '../../../../shared/contract/providers.ts';
import { useApi } from '../../app/services.tsx';

interface Props {
  provider: ProviderView;
  onEdit: () => void;
  onDelete: () => void;
  onMakeDefault: () => void;
}

const TOKEN_WORDS: Record<ProviderView['tokenSource'], string> = {
  keychain: 'Token set (system keychain)',
  session: 'Token set (this session only)',
  env: 'Token set by PARLEY_API_TOKEN (read-only here)',
  none: 'No token',
};

/** One saved provider: where requests go, where its token lives, and what can be done with it. */
export function ProviderRow({ provider, onEdit, onDelete, onMakeDefault }: Props) {
  const api = useApi();
  const [test, setTest] = useState<{ state: 'idle' } | { state: 'testing' } | { state: 'done'; check: TokenCheck }>({ state: 'idle' });
  const overridden = provider.isDefault && provider.effectiveBaseUrl !== provider.baseUrl;
  const runTest = async () => {
    setTest({ state: 'testing' });
    const result = await api.providers.test({ id: provider.id });
    setTest({ state: 'done', check: result.ok ? result.value : { verdict: 'unchecked', message: result.error.message } });
  };
  return (
    <li className="providers__row" aria-label={provider.name}>
      <div className="providers__info">
        <span className="providers__name">
          {provider.name}
          {provider.isDefault && <span className="providers__default"> Default</span>}
        </span>
        <span className="providers__url">
          {provider.effectiveBaseUrl}
          {overridden && <span className="providers__env"> (set by PARLEY_API_BASE_URL)</span>}
        </span>
        <span className="providers__token">{provider.hasToken ? TOKEN_WORDS[provider.tokenSource] : 'No token'}</span>
        {test.state !== 'idle' && (
          <span className={`providers__test providers__test--${test.state === 'done' ? test.check.verdict : 'testing'}`} role="status">
            {test.state === 'testing' ? 'Testing…' : test.check.message}
          </span>
        )}
      </div>
      <div className="providers__actions">
        <button type="button" className="link-button" aria-label={`Test connection to ${provider.name}`} disabled={test.state === 'testing'} onClick={() => void runTest()}>
          Test connection
        </button>
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
