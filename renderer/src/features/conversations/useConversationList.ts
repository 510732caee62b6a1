import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi, useReconnectCount } from '../../app/services.tsx';

export interface ConversationListState {
  conversations: ConversationSummary[];
  error: AppError | null;
}

/** The conversation list in main's order; re-queried whenever main says it changed. */
export function useConversationList(): ConversationListState {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [state, setState] = useState<ConversationListState>({ conversations: [], error: null });

  useEffect(() => {
    let live = true;
    let generation = 0;
    const load = async () => {
      const mine = ++generation;
      const result = await api.conversations.list();
      // A slower, older answer must not overwrite a newer one.
      if (!live || mine !== generation) return;
      if (result.ok) {
        // Main orders the list (pinned first, then by last activity).
        setState({ conversations: result.value, error: null });
      } else if (result.error.code !== 'network') {
        setState((previous) => ({ ...previous, error: result.error }));
      }
      // A dropped connection keeps the list on screen: the connection banner already says so,
      // and the list is re-queried on reconnect.
    };
    void load();
    const unsubscribe = api.conversations.onChanged(() => void load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, reconnects]);

  return state;
}
