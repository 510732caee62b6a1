import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { FAR_PAGE_LIMIT, type ConversationChanged } from '../../../../shared/contract/conversations.ts';
import type { Conversation, Message } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { CallError } from '../../app/queryClient.ts';
import { useReconnectCount, useServices } from '../../app/services.tsx';
import {
  conversationKey,
  withAdded,
  withChatEvent,
  withNewestPage,
  withOlderPage,
  withReplaced,
  withSummary,
  type ConversationData,
  type ConversationMeta,
} from './conversationData.ts';

/** Messages per page: about three screens of an ordinary chat. */
export const PAGE_SIZE = 50;
/** Larger pages when walking back to a far message (Search's jump), fewer round trips. */
export const FAR_PAGE_SIZE = FAR_PAGE_LIMIT;

export interface ConversationView {
  /** The conversation these messages belong to; null for a new chat not sent yet. */
  id: string | null;
  /** The loaded part of the selected branch, oldest first: the newest page, and older ones as asked. */
  messages: Message[];
  loading: boolean;
  error: AppError | null;
  /** Title, per-conversation settings, totals and the branch's length as last read from main. */
  meta: ConversationMeta | null;
  /** More messages lie before messages[0]. */
  hasOlder: boolean;
  /** See ConversationData.change. */
  change: ConversationData['change'];
  /** Loads the page before the first message held; resolves false when there was none (or it failed). */
  loadOlder: (limit?: number) => Promise<boolean>;
  /** Shows the messages chat.send returned at once, before any re-query. */
  adopt: (conversationId: string, added: Message[]) => void;
  /** Swaps in a newer state of a message (a continued reply), unless an event already replaced it. */
  replace: (previous: Message, next: Message) => void;
  /** Re-reads the newest page (after a branch changed). */
  reload: () => void;
  /** Shows a conversation page main just answered (conversations.selectBranch / updateSettings). */
  show: (conversation: Conversation) => void;
}

const NONE: Message[] = [];

/**
 * One conversation, in pages, through TanStack Query: the newest page on open, older pages as the
 * reader scrolls up, and after that only events: chat events update the message they carry (and the
 * totals), conversations:changed the summary; only a changed branch re-reads the newest page.
 */
export function useConversation(id: string | null): ConversationView {
  const { api, streams } = useServices();
  const client = useQueryClient();
  const reconnects = useReconnectCount();
  const olderInFlight = useRef<Promise<boolean> | null>(null);
  const [olderError, setOlderError] = useState<AppError | null>(null);

  const query = useQuery({
    queryKey: conversationKey(id ?? ''),
    enabled: id !== null,
    queryFn: async (): Promise<ConversationData> => {
      const key = conversationKey(id ?? '');
      const result = await api.conversations.get({ id: id ?? '', limit: PAGE_SIZE });
      if (!result.ok) throw new CallError(result.error);
      // A reply streaming now: the snapshot starts its buffer, but never takes back text the stream
      // already delivered (the database may lag the window by a batch).
      for (const message of result.value.messages) {
        const held = streams.text(message.id);
        if (message.status === 'streaming' && (held === undefined || message.content.length > held.length)) streams.seed(message.id, message.content);
      }
      return withNewestPage(client.getQueryData<ConversationData>(key), result.value);
    },
  });
  const data = id === null ? undefined : query.data;

  const update = useCallback(
    (conversationId: string, change: (data: ConversationData) => ConversationData) => {
      client.setQueryData<ConversationData>(conversationKey(conversationId), (current) => current && change(current));
    },
    [client],
  );

  const reload = useCallback(() => {
    if (id !== null) void client.invalidateQueries({ queryKey: conversationKey(id) });
  }, [client, id]);

  // After a dropped connection, events may have been missed.
  const [seenReconnects, setSeenReconnects] = useState(reconnects);
  if (seenReconnects !== reconnects) {
    setSeenReconnects(reconnects);
    reload();
  }

  useEffect(() => {
    if (id === null) return;
    return api.chat.onEvent((event) => {
      if (event.conversationId !== id || event.type === 'delta') return;
      update(id, (current) => withChatEvent(current, event));
      // An older main sends no totals with a finished reply: read them.
      if ((event.type === 'done' || event.type === 'error') && !event.totals) reload();
    });
  }, [api, id, update, reload]);

  const streamingHere = data?.messages.some((m) => m.status === 'streaming') ?? false;
  const onChanged = useEffectEvent((change: ConversationChanged) => {
    if (id === null) return;
    if (change.conversationId === undefined) return reload();
    if (change.conversationId !== id) return;
    const { summary } = change;
    if (summary) update(id, (current) => withSummary(current, summary));
    // A branch switched or a reply started elsewhere; never mid-stream here (the events keep that current).
    // (An event with neither summary nor kind says only "something changed".)
    if ((change.kind === 'messages' || change.removed || (!summary && !change.kind)) && !streamingHere) reload();
  });
  useEffect(() => {
    if (id === null) return;
    return api.conversations.onChanged((change) => onChanged(change));
  }, [api, id]);

  const show = useCallback(
    (conversation: Conversation) => {
      client.setQueryData<ConversationData>(conversationKey(conversation.id), (current) => withNewestPage(current, conversation));
    },
    [client],
  );

  const adopt = useCallback(
    (conversationId: string, added: Message[]) => {
      const key = conversationKey(conversationId);
      const fresh = client.getQueryData<ConversationData>(key) === undefined;
      client.setQueryData<ConversationData>(key, (current) => withAdded(current, added));
      // A conversation the send just created: its summary and settings come with its first read.
      if (fresh) void client.invalidateQueries({ queryKey: key });
    },
    [client],
  );

  const replace = useCallback(
    (previous: Message, next: Message) => update(previous.conversationId, (current) => withReplaced(current, previous, next)),
    [update],
  );

  const loadOlder = useCallback(
    (limit: number = PAGE_SIZE): Promise<boolean> => {
      if (id === null) return Promise.resolve(false);
      if (olderInFlight.current) return olderInFlight.current;
      const current = client.getQueryData<ConversationData>(conversationKey(id));
      const first = current?.messages[0];
      if (!current?.hasOlder || !first) return Promise.resolve(false);
      const request = api.conversations.page({ id, before: first.id, limit }).then((result) => {
        olderInFlight.current = null;
        if (!result.ok) {
          setOlderError(result.error);
          return false;
        }
        setOlderError(null);
        update(id, (data) => (data.messages[0]?.id === first.id ? withOlderPage(data, result.value) : data));
        return result.value.messages.length > 0;
      });
      olderInFlight.current = request;
      return request;
    },
    [api, client, id, update],
  );

  const queryError = query.error instanceof CallError ? query.error.error : query.error ? { code: 'unknown', message: query.error.message } : null;
  return {
    id,
    messages: data?.messages ?? NONE,
    loading: id !== null && query.isPending,
    error: id === null ? null : ((queryError as AppError | null) ?? olderError),
    meta: data?.meta ?? null,
    hasOlder: data?.hasOlder ?? false,
    change: data?.change ?? 'other',
    loadOlder,
    adopt,
    replace,
    reload,
    show,
  };
}
