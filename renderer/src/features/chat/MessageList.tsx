import type { Message } from '../../../../shared/domain.ts';
import { MessageItem } from './MessageItem.tsx';
import type { MessageCommands } from './useMessageCommands.ts';
import { useStickToBottom } from './useStickToBottom.ts';

interface Props {
  conversationId: string | null;
  messages: Message[];
  streaming: boolean;
  onContinue?: (message: Message) => void;
  commands?: MessageCommands;
  editingId?: string | null;
}

/** Replies cut off part-way that can be taken up again (only the last message of a conversation; one
 *  with no text yet has nothing to go on from: asking again is Regenerate's job). */
const CONTINUABLE: ReadonlySet<Message['status']> = new Set(['stopped', 'interrupted', 'error']);

export function MessageList({ conversationId, messages, streaming, onContinue, commands, editingId = null }: Props) {
  const { scrollerRef, contentRef } = useStickToBottom(conversationId);
  const last = messages.at(-1);
  const continuable =
    !streaming && last?.role === 'assistant' && CONTINUABLE.has(last.status) && last.content.trim() ? last.id : undefined;
  return (
    <div className="messages" ref={scrollerRef}>
      {/* aria-busy while streaming: screen readers announce the finished reply, not every token. */}
      <div ref={contentRef} className="messages__inner" role="log" aria-label="Messages" aria-busy={streaming}>
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            onContinue={message.id === continuable ? onContinue : undefined}
            commands={commands}
            busy={streaming}
            editing={message.id === editingId}
          />
        ))}
      </div>
    </div>
  );
}
