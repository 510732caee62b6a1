import { useEffect, useEffectEvent } from 'react';

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

export function isMacPlatform(): boolean {
  return isMac;
}

/** Ctrl+key, or Cmd+key on macOS; no Shift or Alt. `key` as KeyboardEvent.key ('n', ','). */
export function isShortcut(event: KeyboardEvent, key: string): boolean {
  const primary = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return primary && !event.altKey && !event.shiftKey && event.key.toLowerCase() === key;
}

/** A modal dialog owns the keyboard while it is open (Esc closes it, not the reply). */
export function isDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** Listens to keydown on the window for as long as the component is mounted. */
export function useWindowKeydown(handler: (event: KeyboardEvent) => void): void {
  const onKeyDown = useEffectEvent(handler);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
