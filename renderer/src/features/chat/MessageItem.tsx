import { memo } from 'react';
import type { Message } from '../../../../shared/domain.ts';
import { MessageActions } from './MessageActions.tsx';
import { MessageBody } from './MessageBody.tsx';
import { MessageMeta } from './MessageMeta.tsx';
import { useStreamingMessage } from './useStreamingMessage.ts';

const authorName: Record<Message['role'], string> = { user: 'You', assistant: 'Assistant', system: 'System' };

/** One message. Memoized: a streaming reply repaints only itself, never the list around it. */
export const MessageItem = memo(function MessageItem({ message }: { message: Message }) {
  const streaming = message.status === 'streaming';
  const text = useStreamingMessage(message.id, message.content, streaming);
  const name = authorName[message.role];
  return (
    <article className={`message message--${message.role}`} aria-label={name} data-status={message.status}>
      <h3 className="message__author">{name}</h3>
      {message.images.length > 0 && (
        <div className="message__images">
          {message.images.map((image, i) => (
            <img key={i} src={image.dataUrl} alt={image.name ?? `Image ${i + 1}`} />
          ))}
        </div>
      )}
      {text.length > 0 ? (
        <MessageBody text={text} role={message.role} streaming={streaming} />
      ) : (
        streaming && <p className="message__pending">Thinking…</p>
      )}
      <MessageMeta message={message} />
      {text.length > 0 && <MessageActions text={text} />}
    </article>
  );
});
