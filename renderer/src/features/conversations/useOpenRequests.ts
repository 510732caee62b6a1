import { useEffect, useEffectEvent } from 'react';
import { useApi } from '../../app/services.tsx';

/** Main asks the main window to show a conversation ("Open in main window") or a new chat (the tray). */
export function useOpenRequests(onOpenConversation: (id: string) => void, onNewChat: () => void): void {
  const api = useApi();
  const open = useEffectEvent(onOpenConversation);
  const startNew = useEffectEvent(onNewChat);
  useEffect(() => {
    const offOpen = api.app.onOpenConversation(({ conversationId }) => open(conversationId));
    const offNew = api.app.onNewChat(() => startNew());
    return () => {
      offOpen();
      offNew();
    };
  }, [api]);
}
