import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ConversationChanged } from '../../../../shared/contract/conversations.ts';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { CallError } from '../../app/queryClient.ts';
import { useApi, useReconnectCount } from '../../app/services.tsx';

export interface ConversationListState {
  conversations: ConversationSummary[];
  error: AppError | null;
}

export const conversationListKey = ['conversations'] as const;
const NONE: ConversationSummary[] = [];

/** Main's order: pinned first, then by last activity. */
function ordered(list: ConversationSummary[]): ConversationSummary[] {
  return list.toSorted((a, b) => Number(b.pinned === true) - Number(a.pinned === true) || b.updatedAt - a.updatedAt);
}

/** The list after one change event, or undefined when the event does not say enough (re-list). */
export function withChange(list: ConversationSummary[], change: ConversationChanged): ConversationSummary[] | undefined {
  const { conversationId, summary, removed } = change;
  if (conversationId === undefined) return undefined;
  if (removed) return list.filter((c) => c.id !== conversationId);
  if (!summary) return undefined;
  const index = list.findIndex((c) => c.id === conversationId);
  const next = index < 0 ? [summary, ...list] : list.with(index, summary);
  return ordered(next);
}

/**
 * The conversation list (TanStack Query), read once and then kept current by conversations:changed:
 * a changed row is put in place from the event; only "many changed" (an import) re-lists.
 */
export function useConversationList(): ConversationListState {
  const api = useApi();
  const client = useQueryClient();
  const reconnects = useReconnectCount();
  const query = useQuery({
    queryKey: conversationListKey,
    queryFn: async () => {
      const result = await api.conversations.list();
      if (!result.ok) throw new CallError(result.error);
      return result.value;
    },
  });

  useEffect(
    () =>
      api.conversations.onChanged((change) => {
        const list = client.getQueryData<ConversationSummary[]>(conversationListKey);
        const next = list && withChange(list, change);
        if (next) client.setQueryData(conversationListKey, next);
        else void client.invalidateQueries({ queryKey: conversationListKey });
      }),
    [api, client],
  );

  // Back from a dropped connection: events may have been missed.
  const [seen, setSeen] = useState(reconnects);
  if (seen !== reconnects) {
    setSeen(reconnects);
    void client.invalidateQueries({ queryKey: conversationListKey });
  }

  // A dropped connection keeps the list on screen: the connection banner already says so.
  const error = query.error instanceof CallError && query.error.error.code !== 'network' ? query.error.error : null;
  return { conversations: query.data ?? NONE, error };
}
