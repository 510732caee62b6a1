import { memo, useCallback } from 'react';
import type { Message } from '../../../../shared/domain.ts';
import { messageElementId } from '../search/revealMessage.ts';
import { ImageStrip } from './ImageStrip.tsx';
import { MessageActions } from './MessageActions.tsx';
import { MessageBody } from './MessageBody.tsx';
import { MessageEditor } from './MessageEditor.tsx';
import { MessageMeta } from './MessageMeta.tsx';
import { ReasoningBlock } from './ReasoningBlock.tsx';
import type { MessageCommands } from './useMessageCommands.ts';
import { useStreamingMessage } from './useStreamingMessage.ts';

const authorName: Record<Message['role'], string> = { user: 'You', assistant: 'Assistant', system: 'System' };
const noop = () => undefined;

interface Props {
  message: Message;
  /** Given only to a cut-off last reply. */
  onContinue?: ((message: Message) => void) | undefined;
  commands?: MessageCommands | undefined;
  /** Some reply in the conversation is streaming. */
  busy?: boolean;
  /** This (user) message is being edited in place. */
  editing?: boolean;
  /** Its place on the branch (1-based) and the branch's length, for screen readers. */
  position?: number | undefined;
  setSize?: number | undefined;
}

/** One message. Memoized: a streaming reply repaints only itself, never the list around it. */
export const MessageItem = memo(function MessageItem({ message, onContinue, commands, busy = false, editing = false, position, setSize }: Props) {
  const streaming = message.status === 'streaming';
  const text = useStreamingMessage(message.id, message.content, streaming);
  const name = authorName[message.role];
  const continueThis = useCallback(() => onContinue?.(message), [onContinue, message]);
  const retry = useCallback(() => commands?.regenerate(message), [commands, message]);
  return (
    // Focusable, so the arrow keys can move from message to message (see useListKeyboard).
    <article
      id={messageElementId(message.id)}
      className={`message message--${message.role}`}
      aria-label={name}
      aria-posinset={position}
      aria-setsize={setSize}
      tabIndex={0}
      data-status={message.status}
    >
      <h3 className="message__author">{name}</h3>
      {message.images.length > 0 && <ImageStrip images={message.images} />}
      {message.role === 'assistant' && <ReasoningBlock message={message} streaming={streaming} />}
      {editing && commands ? (
        <MessageEditor initial={message.content} onSave={(next) => commands.saveEdit(message, next)} onCancel={commands.cancelEdit} />
      ) : text.length > 0 ? (
        <MessageBody text={text} role={message.role} streaming={streaming} />
      ) : (
        streaming && <p className="message__pending">Thinking…</p>
      )}
      <MessageMeta message={message} onRetry={commands && !busy ? retry : undefined} onOpenSettings={commands?.openSettings ?? noop} />
      {!editing && (
        <MessageActions
          message={message}
          text={text}
          onContinue={onContinue ? continueThis : undefined}
          commands={commands}
          busy={busy}
        />
      )}
    </article>
  );
});
