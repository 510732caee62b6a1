import { useEffect, useState } from 'react';
import { DEFAULT_BASE_URL } from '../../../../shared/settings.ts';
import { useApi } from '../../app/services.tsx';

export interface ProviderName {
  name: string;
  isDefault: boolean;
}

const DEFAULT_NAME: ProviderName = { name: 'evolink.ai', isDefault: true };

/** Names where messages go: evolink.ai by default, otherwise the host of the configured base URL. */
export function useProviderName(refreshKey: unknown): ProviderName {
  const api = useApi();
  const [provider, setProvider] = useState<ProviderName>(DEFAULT_NAME);
  useEffect(() => {
    let live = true;
    void api.settings.get().then((result) => {
      if (!live || !result.ok) return;
      if (result.value.effectiveBaseUrl === DEFAULT_BASE_URL) {
        setProvider(DEFAULT_NAME);
        return;
      }
      let name = result.value.effectiveBaseUrl;
      try {
        name = new URL(name).host;
      } catch {
        // Keep the raw value; settings validation already refuses malformed URLs.
      }
      setProvider({ name, isDefault: false });
    });
    return () => {
      live = false;
    };
  }, [api, refreshKey]);
  return provider;
}
