import { useEffect, useState } from 'react';
import { useApi } from './services.tsx';

/** Whether any conversation is saved: without a token, the history stays readable instead of hidden
 *  behind the welcome card. undefined while it is asked. */
export function useHasHistory(enabled: boolean): boolean | undefined {
  const api = useApi();
  const [has, setHas] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void api.conversations.list().then((result) => {
      if (live) setHas(result.ok && result.value.length > 0);
    });
    return () => {
      live = false;
    };
  }, [api, enabled]);
  return has;
}
