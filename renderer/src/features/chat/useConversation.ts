import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ChatEvent } from '../../../../shared/contract/chat.ts';
import type { Conversation, Message } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useReconnectCount, useServices } from '../../app/services.tsx';

export interface ConversationState {
  /** The conversation these messages belong to; null for a new chat not sent yet. */
  id: string | null;
  messages: Message[];
  loading: boolean;
  error: AppError | null;
  /** Title, per-conversation settings and totals as last read from main. */
  meta: Omit<Conversation, 'messages'> | null;
}

export interface ConversationView extends ConversationState {
  /** Shows the messages chat.send returned at once, before any re-query. */
  adopt: (conversationId: string, added: Message[]) => void;
  /** Swaps in a newer state of a message (a continued reply), unless an event already replaced it. */
  replace: (previous: Message, next: Message) => void;
  /** Re-reads the conversation (after a branch changed, a rename, new settings). */
  reload: () => void;
  /** Shows a conversation main just answered (conversations.selectBranch / updateSettings). */
  show: (conversation: Conversation) => void;
}

const empty = (id: string | null): ConversationState => ({ id, messages: [], loading: id !== null, error: null, meta: null });

function stateOf(conversation: Conversation): ConversationState {
  const { messages, ...meta } = conversation;
  return { id: conversation.id, messages, loading: false, error: null, meta };
}

/**
 * A fresh snapshot, keeping the previous object for every message that has not changed, so a
 * reload of a long chat (after each reply, for the totals) re-renders only what is new.
 */
function withUnchanged(previous: ConversationState, next: ConversationState): ConversationState {
  if (previous.id !== next.id || previous.messages.length === 0) return next;
  const known = new Map(previous.messages.map((m) => [m.id, m]));
  const messages = next.messages.map((message) => {
    const old = known.get(message.id);
    return old && fingerprint(old) === fingerprint(message) ? old : message;
  });
  return { ...next, messages };
}

/** Everything that can change on a saved message; its images never do (an edit is a new message),
 *  so their data URLs (up to megabytes each) are left out of the comparison. */
function fingerprint(message: Message): string {
  return JSON.stringify({ ...message, images: message.images.length });
}

function applyEvent(messages: Message[], event: ChatEvent): Message[] {
  if (event.type === 'delta') return messages; // deltas live in the stream buffer, not in state
  const index = messages.findIndex((m) => m.id === event.messageId);
  const current = messages[index];
  const next =
    event.type === 'usage'
      ? current && { ...current, usage: event.usage }
      : { ...event.message, usage: event.message.usage ?? current?.usage };
  if (!next) return messages;
  if (index < 0) {
    // A new version (regenerate, edit) ends the path right after its parent, in place of its sibling.
    const parent = next.parentId ? messages.findIndex((m) => m.id === next.parentId) : -1;
    return parent >= 0 ? [...messages.slice(0, parent + 1), next] : [...messages, next];
  }
  const copy = messages.slice();
  copy[index] = next;
  return copy;
}

/** One conversation's messages: a snapshot from main, then kept current by chat events. */
export function useConversation(id: string | null): ConversationView {
  const { api, streams } = useServices();
  const reconnects = useReconnectCount();
  const [state, setState] = useState<ConversationState>(() => empty(id));
  const [version, setVersion] = useState(0);
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
      const next = stateOf(result.value);
      setState((previous) => withUnchanged(previous, next));
    });
    const unsubscribe = api.chat.onEvent((event) => {
      if (event.conversationId !== id || event.type === 'delta') return;
      setState((previous) => (previous.id === id ? { ...previous, messages: applyEvent(previous.messages, event) } : previous));
      // A finished reply changes the totals (and a conversations:changed may have come mid-stream).
      if (event.type === 'done' || event.type === 'error') setVersion((n) => n + 1);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, streams, id, reconnects, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);

  // A new title, new settings or a branch chosen elsewhere; never mid-stream (the events keep that current).
  const onChanged = useEffectEvent((conversationId: string | undefined) => {
    if (conversationId === id && !state.messages.some((m) => m.status === 'streaming')) reload();
  });
  useEffect(() => {
    if (id === null) return;
    return api.conversations.onChanged((change) => onChanged(change.conversationId));
  }, [api, id]);
  const show = useCallback((conversation: Conversation) => {
    setState((previous) => (previous.id === conversation.id ? stateOf(conversation) : previous));
  }, []);

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

  return { ...state, adopt, replace, reload, show };
}
