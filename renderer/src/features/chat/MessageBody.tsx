import { memo } from 'react';

/** The text of a message. Plain text for now; Markdown rendering replaces this component. */
export const MessageBody = memo(function MessageBody({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <div className="message__body" data-streaming={streaming || undefined}>
      {text}
    </div>
  );
});
