import type { HighlightedLines, HighlightRequest, HighlightResponse } from './highlightProtocol.ts';
import { resolveLanguage } from './languages.ts';

/** Both themes are in every result (light-dark() colours), so the theme is part of every key alike. */
const THEME_KEY = 'github-light-default+github-dark-default';
/** Finished results kept, most recently used last; re-opening a conversation shows them at once. */
const CACHE_ENTRIES = 400;

const cache = new Map<string, HighlightedLines | null>();
const pending = new Map<string, Promise<HighlightedLines | null>>();
const waiting = new Map<number, (lines: HighlightedLines | null) => void>();
let worker: Worker | undefined;
let nextId = 1;

function keyOf(code: string, language: string): string {
  return `${language}\u0000${THEME_KEY}\u0000${code}`;
}

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module', name: 'highlight' });
    worker.onmessage = (event: MessageEvent<HighlightResponse>) => {
      waiting.get(event.data.id)?.(event.data.lines);
      waiting.delete(event.data.id);
    };
    // A worker that failed to start leaves every block plain (resolve, never hang).
    worker.onerror = () => {
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    };
  }
  return worker;
}

function remember(key: string, lines: HighlightedLines | null): void {
  cache.delete(key);
  cache.set(key, lines);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value ?? '');
}

/**
 * The highlighted form when it is already known: undefined while it is not (yet), null when the
 * code stays plain (a language Parley does not highlight).
 */
export function cachedHighlight(code: string, tag: string): HighlightedLines | null | undefined {
  const language = resolveLanguage(tag);
  if (!language) return null;
  const key = keyOf(code, language);
  const lines = cache.get(key);
  if (lines !== undefined) remember(key, lines);
  return lines;
}

/** Highlights in the worker, once per code, language and theme. */
export function highlight(code: string, tag: string): Promise<HighlightedLines | null> {
  const language = resolveLanguage(tag);
  if (!language) return Promise.resolve(null);
  const key = keyOf(code, language);
  const known = cache.get(key);
  if (known !== undefined) return Promise.resolve(known);
  let request = pending.get(key);
  if (!request) {
    const id = nextId++;
    request = new Promise<HighlightedLines | null>((resolve) => {
      waiting.set(id, resolve);
      const message: HighlightRequest = { id, code, language };
      theWorker().postMessage(message);
    }).then((lines) => {
      pending.delete(key);
      remember(key, lines);
      return lines;
    });
    pending.set(key, request);
  }
  return request;
}
