import { useCallback, useEffect, useState } from 'react';
import type { Connectivity } from '../../../../shared/contract/connectivity.ts';
import { useApi, useReconnectCount } from '../../app/services.tsx';

export interface ConnectivityView {
  /** Unknown counts as online: the composer should not cry offline before anything was checked. */
  online: boolean;
  state: Connectivity | null;
  checking: boolean;
  /** Asks main to check again now (the "Try again" button). */
  recheck: () => void;
}

/** Whether main can reach the provider: read once at start, then kept current by app:connectivity. */
export function useConnectivity(): ConnectivityView {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [state, setState] = useState<Connectivity | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    let live = true;
    // Only newer answers win: a slow first check must not undo a flip pushed meanwhile.
    const apply = (next: Connectivity) => {
      if (live) setState((previous) => (previous && previous.checkedAt > next.checkedAt ? previous : next));
    };
    void api.app.connectivity().then((result) => {
      if (result.ok) apply(result.value);
    });
    const unsubscribe = api.app.onConnectivity(apply);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, reconnects]);

  const recheck = useCallback(() => {
    setChecking(true);
    void api.app.connectivity({ recheck: true }).then((result) => {
      setChecking(false);
      if (result.ok) setState(result.value);
    });
  }, [api]);

  return { online: state?.online ?? true, state, checking, recheck };
}
