import { useCallback, useEffect, useState } from 'react';
import type { HotkeyStatus } from '../../../../shared/contract/app.ts';
import { useApi } from '../../app/services.tsx';

/** Whether the quick prompt's global shortcut works, as main last found; refresh after saving it. */
export function useHotkeyStatus(): [HotkeyStatus | null, () => Promise<HotkeyStatus | null>] {
  const api = useApi();
  const [status, setStatus] = useState<HotkeyStatus | null>(null);
  useEffect(() => {
    let live = true;
    void api.app.hotkeyStatus().then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const refresh = useCallback(async () => {
    const result = await api.app.hotkeyStatus();
    const next = result.ok ? result.value : null;
    setStatus(next);
    return next;
  }, [api]);
  return [status, refresh];
}
