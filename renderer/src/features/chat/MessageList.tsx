import type { Message } from '../../../../shared/domain.ts';
import { MessageItem } from './MessageItem.tsx';
import { useStickToBottom } from './useStickToBottom.ts';

interface Props {
  conversationId: string | null;
  messages: Message[];
  streaming: boolean;
}

export function MessageList({ conversationId, messages, streaming }: Props) {
  const { scrollerRef, contentRef } = useStickToBottom(conversationId);
  return (
    <div className="messages" ref={scrollerRef}>
      {/* aria-busy while streaming: screen readers announce the finished reply, not every token. */}
      <div ref={contentRef} className="messages__inner" role="log" aria-label="Messages" aria-busy={streaming}>
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </div>
    </div>
  );
}
