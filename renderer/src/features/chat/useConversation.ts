import { useCallback, useEffect, useState } from 'react';
import type { ChatEvent } from '../../../../shared/contract/chat.ts';
import type { Message } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useReconnectCount, useServices } from '../../app/services.tsx';

export interface ConversationState {
  /** The conversation these messages belong to; null for a new chat not sent yet. */
  id: string | null;
  messages: Message[];
  loading: boolean;
  error: AppError | null;
}

export interface ConversationView extends ConversationState {
  /** Shows the messages chat.send returned at once, before any re-query. */
  adopt: (conversationId: string, added: Message[]) => void;
  /** Swaps in a newer state of a message (a continued reply), unless an event already replaced it. */
  replace: (previous: Message, next: Message) => void;
}

const empty = (id: string | null): ConversationState => ({ id, messages: [], loading: id !== null, error: null });

function applyEvent(messages: Message[], event: ChatEvent): Message[] {
  if (event.type === 'delta') return messages; // deltas live in the stream buffer, not in state
  const index = messages.findIndex((m) => m.id === event.messageId);
  const current = messages[index];
  const next =
    event.type === 'usage'
      ? current && { ...current, usage: event.usage }
      : { ...event.message, usage: event.message.usage ?? current?.usage };
  if (!next) return messages;
  if (index < 0) return [...messages, next];
  const copy = messages.slice();
  copy[index] = next;
  return copy;
}

/** One conversation's messages: a snapshot from main, then kept current by chat events. */
export function useConversation(id: string | null): ConversationView {
  const { api, streams } = useServices();
  const reconnects = useReconnectCount();
  const [state, setState] = useState<ConversationState>(() => empty(id));
  if (state.id !== id) setState((previous) => (previous.id === id ? previous : empty(id)));

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void api.conversations.get({ id }).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setState((previous) => (previous.id === id ? { ...previous, loading: false, error: result.error } : previous));
        return;
      }
      for (const message of result.value.messages) {
        if (message.status === 'streaming') streams.seed(message.id, message.content);
      }
      setState({ id, messages: result.value.messages, loading: false, error: null });
    });
    const unsubscribe = api.chat.onEvent((event) => {
      if (event.conversationId !== id || event.type === 'delta') return;
      setState((previous) => (previous.id === id ? { ...previous, messages: applyEvent(previous.messages, event) } : previous));
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, streams, id, reconnects]);

  const adopt = useCallback((conversationId: string, added: Message[]) => {
    setState((previous) => {
      // Only into this conversation or a new chat; the user may have switched away meanwhile.
      if (previous.id !== conversationId && previous.id !== null) return previous;
      const base = previous.id === conversationId ? previous : { ...empty(conversationId), loading: false };
      const known = new Set(base.messages.map((m) => m.id));
      return { ...base, messages: [...base.messages, ...added.filter((m) => !known.has(m.id))] };
    });
  }, []);

  const replace = useCallback((previous: Message, next: Message) => {
    setState((current) => {
      const index = current.messages.indexOf(previous);
      if (index < 0) return current;
      const messages = current.messages.slice();
      messages[index] = next;
      return { ...current, messages };
    });
  }, []);

  return { ...state, adopt, replace };
}
