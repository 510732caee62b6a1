import { useEffect, useState } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import type { AppError } from '../../../../shared/errors.ts';
import type { SettingsView } from '../../../../shared/settings.ts';
import { useApi } from '../../app/services.tsx';

export type SettingsData =
  | { state: 'loading' }
  | { state: 'failed'; error: AppError }
  | { state: 'ready'; view: SettingsView; auth: AuthStatus };

/** The stored settings and the token status, fetched each time the dialog opens. */
export function useSettingsData(): SettingsData {
  const api = useApi();
  const [data, setData] = useState<SettingsData>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void Promise.all([api.settings.get(), api.auth.status()]).then(([view, auth]) => {
      if (!live) return;
      if (!view.ok) setData({ state: 'failed', error: view.error });
      else if (!auth.ok) setData({ state: 'failed', error: auth.error });
      else setData({ state: 'ready', view: view.value, auth: auth.value });
    });
    return () => {
      live = false;
    };
  }, [api]);
  return data;
}
