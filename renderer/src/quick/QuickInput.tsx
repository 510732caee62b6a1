import type { FormEvent, KeyboardEvent, RefObject } from 'react';
import { isSubmitEnter } from '../ui/keys.ts';

interface Props {
  inputRef: RefObject<HTMLTextAreaElement | null>;
  text: string;
  onTextChange: (text: string) => void;
  onAsk: () => void;
  onStop: () => void;
  streaming: boolean;
  busy: boolean;
}

/** The "Quick prompt" box: Enter asks, Shift+Enter adds a line; Stop while a reply streams. */
export function QuickInput({ inputRef, text, onTextChange, onAsk, onStop, streaming, busy }: Props) {
  const empty = text.trim().length === 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onAsk();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!isSubmitEnter(event)) return;
    event.preventDefault();
    onAsk();
  };

  return (
    <form className="quick__form" onSubmit={onSubmit}>
      <textarea
        ref={inputRef}
        className="quick__input"
        aria-label="Quick prompt"
        placeholder="Ask Parley anything"
        title="Enter asks; Shift+Enter starts a new line"
        rows={1}
        value={text}
        onChange={(event) => onTextChange(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      {streaming ? (
        <button type="button" className="button quick__ask" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="button button--primary quick__ask" disabled={empty || busy}>
          Ask
        </button>
      )}
    </form>
  );
}
