import { useEffect, useState } from 'react';
import type { ProviderList } from '../../../../shared/contract/providers.ts';
import { useApi } from '../../app/services.tsx';

/** The saved providers, and the models one of them offers (empty when it does not list them). */
export function useProviderOptions(providerId: string | undefined): { providers: ProviderList | null; models: string[] } {
  const api = useApi();
  const [providers, setProviders] = useState<ProviderList | null>(null);
  const [models, setModels] = useState<{ for: string | undefined; list: string[] }>({ for: undefined, list: [] });
  useEffect(() => {
    let live = true;
    void api.providers.list().then((result) => live && result.ok && setProviders(result.value));
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(() => {
    let live = true;
    void api.providers.models(providerId ? { providerId } : undefined).then((result) => {
      if (live) setModels({ for: providerId, list: result.ok && result.value.available ? result.value.models : [] });
    });
    return () => {
      live = false;
    };
  }, [api, providerId]);
  return { providers, models: models.for === providerId ? models.list : [] };
}
