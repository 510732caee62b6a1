import { useSyncExternalStore } from 'react';

export interface ToastAction {
  label: string;
  run: () => void;
}

/** A short message at the bottom of the sidebar: info goes away after a while, errors stay. */
export interface Toast {
  id: number;
  message: string;
  level: 'info' | 'error';
  action?: ToastAction;
}

// One toast at a time, for the whole window: a newer one replaces the older.
let current: Toast | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: Toast | null): void {
  current = next;
  for (const listener of [...listeners]) listener();
}

export function showToast(toast: Omit<Toast, 'id'>): number {
  const id = nextId++;
  set({ ...toast, id });
  return id;
}

/** Dismisses the toast if it is still the one shown. */
export function dismissToast(id: number): void {
  if (current?.id === id) set(null);
}

export function useToast(): Toast | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => current,
  );
}
