import { useEffect } from 'react';
import { DEFAULT_THEME } from '../../../../shared/settings.ts';
import { useApi, useReconnectCount } from '../../app/services.tsx';
import { applyTheme } from './applyTheme.ts';

/**
 * Applies the theme from the settings at start, after a reconnect, and whenever `refreshKey` changes
 * (the Settings dialog closed: a saved theme stays, a previewed but cancelled one goes back).
 */
export function useTheme(refreshKey: unknown): void {
  const api = useApi();
  const reconnects = useReconnectCount();
  useEffect(() => {
    let live = true;
    void api.settings.get().then((result) => {
      if (live && result.ok) applyTheme(result.value.settings.theme ?? DEFAULT_THEME);
    });
    return () => {
      live = false;
    };
  }, [api, refreshKey, reconnects]);
}
