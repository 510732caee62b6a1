import { useCallback, useState } from 'react';
import type { Message } from '../../../shared/domain.ts';
import type { AppError } from '../../../shared/errors.ts';
import { useServices } from '../app/services.tsx';
import { useConversation } from '../features/chat/useConversation.ts';
import { useStreamId } from '../features/chat/useStreamId.ts';

export interface QuickExchange {
  /** null until the first question of this exchange is sent. */
  conversationId: string | null;
  messages: Message[];
  /** A reply is still arriving. */
  streaming: boolean;
  /** Could not reload the conversation (deleted meanwhile, connection lost). */
  loadError: AppError | null;
  /** Resolves to null when sent, or the error to show (the question then stays in the box). */
  ask: (text: string) => Promise<AppError | null>;
  /** Stops the streaming reply; false when there is none to stop. */
  stop: () => boolean;
  /** Forgets this exchange: the next question starts a new conversation. */
  startNew: () => void;
}

/**
 * The quick prompt's conversation: the first question starts one marked as coming from the quick
 * prompt, follow-ups continue it. Replies stream through the same stream hub as the main window.
 */
export function useQuickExchange(): QuickExchange {
  const { api, streams } = useServices();
  const [conversationId, setConversationId] = useState<string | null>(null);
  const conversation = useConversation(conversationId);
  const { adopt } = conversation;
  const streamingMessage = conversation.messages.find((m) => m.status === 'streaming');
  const streamId = useStreamId(streamingMessage?.id);

  const ask = useCallback(
    async (text: string): Promise<AppError | null> => {
      const result = await api.chat.send({ conversationId: conversationId ?? undefined, source: 'quick', text, images: [] });
      if (!result.ok) return result.error;
      const { value } = result;
      streams.register(value.assistantMessage.id, value.streamId);
      adopt(value.conversationId, [value.userMessage, value.assistantMessage]);
      setConversationId(value.conversationId);
      return null;
    },
    [api, streams, adopt, conversationId],
  );

  const stop = useCallback(() => {
    if (!streamId) return false;
    void api.chat.cancel({ streamId });
    return true;
  }, [api, streamId]);

  const startNew = useCallback(() => setConversationId(null), []);

  return {
    conversationId,
    messages: conversation.messages,
    streaming: !!streamingMessage,
    loadError: conversation.error,
    ask,
    stop,
    startNew,
  };
}
