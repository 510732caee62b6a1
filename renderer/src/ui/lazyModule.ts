import { useSyncExternalStore } from 'react';

/** A module fetched with import() the first time a component needs it, then shared by all. */
export interface LazyModule<T> {
  /** The module once loaded, else undefined. */
  get(): T | undefined;
  /** Starts loading (once) and calls back when it arrived. */
  subscribe(onLoad: () => void): () => void;
}

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let loading: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    subscribe(onLoad) {
      listeners.add(onLoad);
      loading ??= load().then(
        (module) => {
          value = module;
          for (const listener of [...listeners]) listener();
        },
        // A chunk that failed to load leaves the plain fallback in place; a later mount retries.
        () => {
          loading = undefined;
        },
      );
      return () => listeners.delete(onLoad);
    },
  };
}

/** The module, or undefined while it loads (the component then shows its plain fallback). */
export function useLazyModule<T>(module: LazyModule<T>): T | undefined {
  return useSyncExternalStore(module.subscribe, module.get);
}

/** For a component that needs nothing loaded right now: never loads, never calls back. */
export const nothingToLoad: LazyModule<never> = { get: () => undefined, subscribe: () => () => undefined };
