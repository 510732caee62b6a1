import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi, useReconnectCount } from '../../app/services.tsx';

export interface ConversationListState {
  conversations: ConversationSummary[];
  error: AppError | null;
}

/** The conversation list, most recent activity first; re-queried whenever main says it changed. */
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
        const sorted = [...result.value].sort((a, b) => b.updatedAt - a.updatedAt);
        setState({ conversations: sorted, error: null });
      } else {
        setState((previous) => ({ ...previous, error: result.error }));
      }
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
