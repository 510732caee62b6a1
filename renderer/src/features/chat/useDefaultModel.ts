import { useEffect, useState } from 'react';
import { useApi } from '../../app/services.tsx';

/** The model from Settings that conversations use unless they choose their own. */
export function useDefaultModel(version: number): string | undefined {
  const api = useApi();
  const [model, setModel] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void api.settings.get().then((result) => {
      if (live && result.ok) setModel(result.value.settings.model);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  return model;
}
