import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, Notice } from '../../../../shared/contract/app.ts';
import { useApi } from '../../app/services.tsx';

export interface NoticesState {
  info: AppInfo | null;
  notices: Notice[];
  dismiss: (id: string) => void;
}

/** App info and the notices main wants shown once: those pending at start and those pushed later. */
export function useNotices(): NoticesState {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let live = true;
    const add = (incoming: Notice[]) =>
      setNotices((current) => [...current, ...incoming.filter((n) => !current.some((c) => c.id === n.id))]);
    void api.app.info().then((result) => {
      if (!live || !result.ok) return;
      setInfo(result.value);
      add(result.value.notices);
    });
    const unsubscribe = api.app.onNotice((notice) => add([notice]));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  const dismiss = useCallback(
    (id: string) => {
      setNotices((current) => current.filter((n) => n.id !== id));
      void api.app.dismissNotice({ id });
    },
    [api],
  );

  return { info, notices, dismiss };
}
