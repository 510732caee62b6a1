import { useCallback } from 'react';
import type { AppError } from '../../../../shared/errors.ts';
import { isDialogOpen, useWindowKeydown } from '../../app/keyboard.ts';
import { useServices } from '../../app/services.tsx';
import { Composer } from '../composer/Composer.tsx';
import { focusComposer } from '../composer/focusComposer.ts';
import { MessageList } from './MessageList.tsx';
import { useConversation } from './useConversation.ts';
import { useStreamId } from './useStreamId.ts';
import './chat.css';

interface Props {
  conversationId: string | null;
  /** A first message in a new chat created a conversation. */
  onConversationCreated: (id: string) => void;
}

export function ChatView({ conversationId, onConversationCreated }: Props) {
  const { api, streams } = useServices();
  const conversation = useConversation(conversationId);
  const { adopt } = conversation;
  const streamingMessage = conversation.messages.find((m) => m.status === 'streaming');
  const streamId = useStreamId(streamingMessage?.id);

  const send = useCallback(
    async (text: string): Promise<AppError | null> => {
      const result = await api.chat.send({ conversationId: conversationId ?? undefined, text, images: [] });
      if (!result.ok) return result.error;
      const { value } = result;
      streams.register(value.assistantMessage.id, value.streamId);
      adopt(value.conversationId, [value.userMessage, value.assistantMessage]);
      if (value.conversationId !== conversationId) onConversationCreated(value.conversationId);
      return null;
    },
    [api, streams, adopt, conversationId, onConversationCreated],
  );

  const stop = useCallback(() => {
    if (streamId) void api.chat.cancel({ streamId });
  }, [api, streamId]);

  // Esc stops the reply, unless it is closing a dialog or cancelling an IME composition.
  useWindowKeydown((event) => {
    if (event.key !== 'Escape' || !streamId || event.isComposing || event.defaultPrevented || isDialogOpen()) return;
    event.preventDefault();
    stop();
    focusComposer();
  });

  return (
    <section className="chat" aria-label="Chat">
      {conversation.error && (
        <p className="chat__error" role="alert">
          Could not open this conversation: {conversation.error.message}
        </p>
      )}
      {conversation.messages.length === 0 && !conversation.loading ? (
        <div className="chat__empty">
          <h1 className="chat__empty-title">What would you like to talk about?</h1>
        </div>
      ) : (
        <MessageList conversationId={conversation.id} messages={conversation.messages} streaming={!!streamingMessage} />
      )}
      <Composer onSend={send} onStop={stop} streaming={!!streamingMessage} canStop={!!streamId} />
    </section>
  );
}
