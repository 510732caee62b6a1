import { memo, useCallback } from 'react';
import type { Message } from '../../../../shared/domain.ts';
import { messageElementId } from '../search/revealMessage.ts';
import { MessageActions } from './MessageActions.tsx';
import { MessageBody } from './MessageBody.tsx';
import { MessageMeta } from './MessageMeta.tsx';
import { useStreamingMessage } from './useStreamingMessage.ts';

const authorName: Record<Message['role'], string> = { user: 'You', assistant: 'Assistant', system: 'System' };

interface Props {
  message: Message;
  /** Given only to a cut-off last reply. */
  onContinue?: (message: Message) => void;
}

/** One message. Memoized: a streaming reply repaints only itself, never the list around it. */
export const MessageItem = memo(function MessageItem({ message, onContinue }: Props) {
  const streaming = message.status === 'streaming';
  const text = useStreamingMessage(message.id, message.content, streaming);
  const name = authorName[message.role];
  const continueThis = useCallback(() => onContinue?.(message), [onContinue, message]);
  return (
    <article id={messageElementId(message.id)} className={`message message--${message.role}`} aria-label={name} data-status={message.status}>
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
      {(text.length > 0 || onContinue) && <MessageActions text={text} onContinue={onContinue ? continueThis : undefined} />}
    </article>
  );
});
