import { useEffect, useState, type RefObject } from 'react';
import { useApi } from '../app/services.tsx';

export interface QuickWindowState {
  /** Goes up each time main shows the window again (kept ready, hidden, between uses). */
  shownCount: number;
  /** The desktop app's window, which can hide; false in browser mode (and until app:info answers). */
  canHide: boolean;
}

/**
 * The window around the quick prompt: puts the caret in the box on load, when the window gets the
 * focus back, and each time main shows it.
 */
export function useQuickWindow(inputRef: RefObject<HTMLElement | null>): QuickWindowState {
  const api = useApi();
  const [shownCount, setShownCount] = useState(0);
  const [canHide, setCanHide] = useState(false);

  useEffect(() => {
    const focus = () => inputRef.current?.focus();
    focus();
    window.addEventListener('focus', focus);
    const unsubscribe = api.quick.onShown(() => {
      focus();
      setShownCount((n) => n + 1);
    });
    return () => {
      window.removeEventListener('focus', focus);
      unsubscribe();
    };
  }, [api, inputRef]);

  useEffect(() => {
    let live = true;
    void api.app.info().then((result) => {
      if (live && result.ok) setCanHide(result.value.mode === 'desktop');
    });
    return () => {
      live = false;
    };
  }, [api]);

  return { shownCount, canHide };
}
