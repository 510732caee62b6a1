import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/services.tsx';

/** Typing pauses this long before the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 300;

export interface DraftText {
  text: string;
  /** What the user typed: shown at once, saved shortly after. */
  setText: (text: string) => void;
  /** Saves a pending change now (before sending, so a failed send leaves the draft stored). */
  flush: () => void;
  /** After a successful send: empties the box; main has already cleared the stored draft. */
  clear: () => void;
}

/**
 * The composer's text, kept per conversation (`key`: a conversation id, or 'new') in main's draft
 * store: restored when the conversation opens, saved while typing, on switching away and when the
 * page goes away. Without a key it is plain state.
 */
export function useDraft(key: string | undefined): DraftText {
  const api = useApi();
  const [state, setState] = useState({ key, text: '' });
  // Another conversation: its own (empty until loaded) text, never the previous one's.
  if (state.key !== key) setState({ key, text: '' });
  const pending = useRef<{ key: string; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typed = useRef(false);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const save = pending.current;
    pending.current = null;
    if (save) void api.drafts.set({ conversationId: save.key, text: save.text });
  }, [api]);

  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    typed.current = false;
    void api.drafts.get({ conversationId: key }).then((result) => {
      // What the user typed meanwhile wins over what was stored.
      if (!live || typed.current || !result.ok) return;
      setState((current) => (current.key === key ? { key, text: result.value.text } : current));
    });
    return () => {
      live = false;
      flush();
    };
  }, [api, key, flush]);

  // A reload or a closed window must not lose the last few keystrokes.
  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  const setText = useCallback(
    (text: string) => {
      setState({ key, text });
      if (key === undefined) return;
      typed.current = true;
      pending.current = { key, text };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    [key, flush],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
    setState((current) => ({ ...current, text: '' }));
  }, []);

  return { text: state.key === key ? state.text : '', setText, flush, clear };
}
