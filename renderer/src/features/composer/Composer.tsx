import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AppError } from '../../../../shared/errors.ts';
import { OfflineNote } from '../connectivity/OfflineNote.tsx';
import { useDraft } from '../drafts/useDraft.ts';
import './composer.css';

interface Props {
  /** Resolves to null when sent, or the error to show (the text then stays). */
  onSend: (text: string) => Promise<AppError | null>;
  onStop: () => void;
  streaming: boolean;
  /** Stop needs the stream id; after a reload it is known only once the next delta arrives. */
  canStop: boolean;
  /** Where the unsent text is kept as a draft (a conversation id, or 'new'); none: not kept. */
  draftKey?: string;
}

export function Composer({ onSend, onStop, streaming, canStop, draftKey }: Props) {
  const { text, setText, flush, clear } = useDraft(draftKey);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const empty = text.trim().length === 0;

  const send = async () => {
    if (empty || sending || streaming) return;
    setSending(true);
    setError(null);
    // Stored before it goes out: if the send fails (offline), the draft is already safe.
    flush();
    const failure = await onSend(text);
    setSending(false);
    if (failure) setError(failure);
    else clear();
    input.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an IME is composing confirms the candidate; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void send();
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
      <OfflineNote />
      {error && (
        <p className="composer__error" role="alert">
          {error.message}
        </p>
      )}
      <div className="composer__row">
        <textarea
          ref={input}
          className="composer__input"
          aria-label="Message"
          placeholder="Message Parley"
          title="Enter sends; Shift+Enter starts a new line"
          rows={1}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
        />
        {streaming ? (
          <button
            type="button"
            className="button composer__button"
            disabled={!canStop}
            onClick={() => {
              onStop();
              // The Stop button is about to disappear; keep focus where the user types.
              input.current?.focus();
            }}
          >
            Stop
          </button>
        ) : (
          <button type="submit" className="button button--primary composer__button" disabled={empty || sending}>
            Send
          </button>
        )}
      </div>
    </form>
  );
}
