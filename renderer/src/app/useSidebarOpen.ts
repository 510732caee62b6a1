import { useCallback, useState } from 'react';

const KEY = 'parley.sidebarOpen';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'false';
  } catch {
    return true;
  }
}

/** Whether the conversation sidebar shows; remembered in this window's storage (a view choice, not a setting). */
export function useSidebarOpen(): [boolean, () => void] {
  const [open, setOpen] = useState(stored);
  const toggle = useCallback(() => {
    setOpen((was) => {
      try {
        localStorage.setItem(KEY, String(!was));
      } catch {
        // Private windows may refuse storage; the choice then lasts for this page only.
      }
      return !was;
    });
  }, []);
  return [open, toggle];
}
