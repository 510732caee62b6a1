import { useState, type KeyboardEvent } from 'react';
import { isSubmitEnter } from '../../ui/keys.ts';

interface Props {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** A user message edited in place; "Save & resend" sends it as a new version and asks for a new
 *  reply (the old pair stays as a branch). */
export function MessageEditor({ initial, onSave, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const empty = text.trim().length === 0;
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      // Esc cancels the edit; it must not also stop a reply.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (isSubmitEnter(event)) {
      event.preventDefault();
      if (!empty) onSave(text);
    }
  };
  return (
    <div className="message-editor">
      <textarea
        className="message-editor__input"
        aria-label="Edit message"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        autoFocus
        onFocus={(event) => event.currentTarget.setSelectionRange(text.length, text.length)}
      />
      <div className="message-editor__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button--primary" disabled={empty} onClick={() => onSave(text)}>
          Save &amp; resend
        </button>
      </div>
    </div>
  );
}
