import { useCallback, useEffect, useState } from 'react';
import type { ProviderList } from '../../../../shared/contract/providers.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';

export interface ProvidersState {
  list: ProviderList | null;
  error: AppError | null;
  /** Takes a list main answered (after delete / set default), or re-reads it. */
  update: (list?: ProviderList) => void;
}

/** The saved providers as Settings shows them. */
export function useProviders(): ProvidersState {
  const api = useApi();
  const [list, setList] = useState<ProviderList | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void api.providers.list().then((result) => {
      if (!live) return;
      if (result.ok) setList(result.value);
      setError(result.ok ? null : result.error);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  const update = useCallback((next?: ProviderList) => {
    if (next) setList(next);
    else setVersion((n) => n + 1);
  }, []);
  return { list, error, update };
}
