import type { Conversation } from '../../../shared/domain.ts';

interface LiveTextSource {
  liveText(messageId: string): string | undefined;
}

/** conversations:get with the text of a reply that is streaming now as the windows have been sent
 *  it, rather than the database's (which lags by up to 250 ms): a window that loads it and then
 *  merges deltas by offset has no gap and no repeat. */
export function withLiveText(conversation: Conversation, chat: LiveTextSource): Conversation {
  if (!conversation.messages.some((m) => m.status === 'streaming')) return conversation;
  return {
    ...conversation,
    messages: conversation.messages.map((message) => {
      if (message.status !== 'streaming') return message;
      const live = chat.liveText(message.id);
      return live !== undefined && live.length >= message.content.length ? { ...message, content: live } : message;
    }),
  };
}
