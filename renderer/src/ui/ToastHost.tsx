import { useEffect, useRef, useState } from 'react';
import { dismissToast, useToast, type ToastAction } from './toastStore.ts';
import './toast.css';

/** How long an info toast (with its Undo) stays: long enough to read and reach the button. */
export const TOAST_MS = 8_000;

/**
 * Shows the current toast. Info is announced politely and leaves after TOAST_MS, but not while the
 * pointer or focus is on it (time to act, WCAG 2.2.1); errors are alerts and stay until dismissed.
 */
export function ToastHost() {
  const toast = useToast();
  // Held for one toast only: a removed Undo button never sends the blur that would let go.
  const [heldId, setHeldId] = useState<number | null>(null);
  const held = toast !== null && heldId === toast.id;
  const hold = () => setHeldId(toast?.id ?? null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!toast || toast.level === 'error' || held) return;
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, held]);

  const info = toast?.level === 'info' ? toast : null;
  const error = toast?.level === 'error' ? toast : null;
  return (
    <div
      ref={box}
      className="toast-host"
      onPointerEnter={hold}
      onPointerLeave={() => setHeldId(null)}
      onFocus={hold}
      onBlur={(event) => {
        if (!box.current?.contains(event.relatedTarget as Node | null)) setHeldId(null);
      }}
    >
      <div className={info ? 'toast' : 'toast toast--empty'}>
        {/* Always in the page, so what lands in it is announced; only the words, not the buttons. */}
        <p className="toast__message" role="status">
          {info?.message}
        </p>
        {info && <ToastActions id={info.id} action={info.action} />}
      </div>
      {error && (
        <div className="toast toast--error">
          <p className="toast__message" role="alert">
            {error.message}
          </p>
          <ToastActions id={error.id} action={error.action} />
        </div>
      )}
    </div>
  );
}

function ToastActions({ id, action }: { id: number; action: ToastAction | undefined }) {
  return (
    <div className="toast__actions">
      {action && (
        <button
          type="button"
          className="button toast__action"
          onClick={() => {
            dismissToast(id);
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" className="toast__close" aria-label="Dismiss" title="Dismiss" onClick={() => dismissToast(id)}>
        ×
      </button>
    </div>
  );
}
