import { useCallback, useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';

export interface TrashList {
  /** null while loading. */
  items: ConversationSummary[] | null;
  error: AppError | null;
  reload: () => Promise<void>;
}

/** What is in the trash, most recently deleted first; re-queried when the conversations change. */
export function useTrashList(): TrashList {
  const api = useApi();
  const [items, setItems] = useState<ConversationSummary[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const reload = useCallback(async () => {
    const result = await api.conversations.trash();
    if (result.ok) {
      setItems(result.value);
      setError(null);
    } else {
      setError(result.error);
      setItems((current) => current ?? []);
    }
  }, [api]);

  useEffect(() => {
    // The first load happens from a promise, so no state is set synchronously in the effect.
    void Promise.resolve().then(reload);
    return api.conversations.onChanged(() => void reload());
  }, [api, reload]);

  return { items, error, reload };
}
