import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { conversationKey, type ConversationData } from './conversationData.ts';
import { isFor, settleReveal, subscribeReveal, type RevealRequest } from './messageReveal.ts';
import { FAR_PAGE_SIZE } from './useConversation.ts';

/**
 * The message Search asked to show in this conversation, once it is among the loaded messages:
 * older pages are loaded (in large pages) until it is, or until the branch has no more.
 */
export function useRevealTarget(conversationId: string | null, loadOlder: (limit?: number) => Promise<boolean>) {
  const client = useQueryClient();
  const [target, setTarget] = useState<{ messageId: string; serial: number } | null>(null);

  useEffect(() => {
    if (conversationId === null) return;
    let live = true;
    let serial = 0;
    const held = () => client.getQueryData<ConversationData>(conversationKey(conversationId));
    const bring = async (request: RevealRequest) => {
      const mine = ++serial;
      for (;;) {
        const data = held();
        if (!live || mine !== serial) return;
        if (data?.messages.some((m) => m.id === request.messageId)) {
          settleReveal(request);
          setTarget({ messageId: request.messageId, serial: request.at });
          return;
        }
        // Not read yet: the conversation's first page is on its way; look again when it lands.
        if (!data) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        if (!data.hasOlder || !(await loadOlder(FAR_PAGE_SIZE))) return;
      }
    };
    const unsubscribe = subscribeReveal(conversationId, (request) => {
      if (isFor(request, conversationId) || held()?.messages.some((m) => m.id === request.messageId)) void bring(request);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, conversationId, loadOlder]);

  return { target, done: () => setTarget(null) };
}
