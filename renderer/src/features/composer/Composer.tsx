import { useRef, useState, type ClipboardEvent, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { ImageAttachment } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { OfflineNote } from '../connectivity/OfflineNote.tsx';
import { useDraft } from '../drafts/useDraft.ts';
import { AttachmentTray } from './AttachmentTray.tsx';
import { ACCEPTED_IMAGE_TYPES } from './readImages.ts';
import { useAttachments } from './useAttachments.ts';
import { isSubmitEnter } from '../../ui/keys.ts';
import './composer.css';

interface Props {
  /** Resolves to null when sent, or the error to show (the text then stays). */
  onSend: (text: string, images: ImageAttachment[]) => Promise<AppError | null>;
  onStop: () => void;
  streaming: boolean;
  /** Stop needs the stream id; after a reload it is known only once the next delta arrives. */
  canStop: boolean;
  /** Where the unsent text is kept as a draft (a conversation id, or 'new'); none: not kept. */
  draftKey?: string;
  /** Up in an empty box: edit the last message instead; answers whether there was one. */
  onEditLast?: () => boolean;
}

export function Composer({ onSend, onStop, streaming, canStop, draftKey, onEditLast }: Props) {
  const { text, setText, flush, clear } = useDraft(draftKey);
  const attachments = useAttachments();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const filePicker = useRef<HTMLInputElement>(null);
  const empty = text.trim().length === 0 && attachments.images.length === 0;

  const send = async () => {
    if (empty || sending || streaming) return;
    setSending(true);
    setError(null);
    // Stored before it goes out: if the send fails (offline), the draft is already safe.
    flush();
    const failure = await onSend(text, attachments.images);
    setSending(false);
    if (failure) setError(failure);
    else {
      clear();
      attachments.clear();
    }
    input.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'ArrowUp' && text === '' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      if (onEditLast?.()) event.preventDefault();
      return;
    }
    if (!isSubmitEnter(event)) return;
    event.preventDefault();
    void send();
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const images = [...event.clipboardData.files].filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return; // plain text pastes as usual
    event.preventDefault();
    attachments.add(images);
  };

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent<HTMLFormElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    setDragging(false);
    if (!hasFiles(event)) return;
    event.preventDefault();
    attachments.add([...event.dataTransfer.files]);
    input.current?.focus();
  };

  return (
    <form
      className="composer"
      onSubmit={onSubmit}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-dragging={dragging || undefined}
    >
      <OfflineNote />
      {error && (
        <p className="composer__error" role="alert">
          {error.message}
        </p>
      )}
      {attachments.problem && (
        <p className="composer__error" role="alert">
          {attachments.problem}
        </p>
      )}
      <AttachmentTray images={attachments.images} onRemove={(index) => {
        attachments.remove(index);
        input.current?.focus();
      }} />
      <div className="composer__row">
        <input
          ref={filePicker}
          type="file"
          accept={ACCEPTED_IMAGE_TYPES.join(',')}
          multiple
          hidden
          onChange={(event) => {
            attachments.add([...(event.target.files ?? [])]);
            // The same file may be chosen again after it was removed.
            event.target.value = '';
            input.current?.focus();
          }}
        />
        <button
          type="button"
          className="button button--quiet composer__attach"
          aria-label="Attach image"
          title="Attach image (or paste, or drop one here)"
          onClick={() => filePicker.current?.click()}
        >
          <PaperclipIcon />
        </button>
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
          onPaste={onPaste}
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

function PaperclipIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M10.5 4.5 5.8 9.2a1.3 1.3 0 0 0 1.9 1.9l5-5a2.6 2.6 0 0 0-3.7-3.7l-5 5a3.9 3.9 0 0 0 5.5 5.5l4.2-4.2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
