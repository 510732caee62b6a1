import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../../shared/contract/conversations.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';

/** Typing pauses this long before a search goes out. */
export const SEARCH_DELAY_MS = 150;
const LIMIT = 50;

export interface SearchResultsState {
  /** The query these results answer ('' before the first answer). */
  query: string;
  results: SearchResult[];
  error: AppError | null;
}

const none: SearchResultsState = { query: '', results: [], error: null };

/** Full-text search results for `query`, debounced; kept current while the conversations change. */
export function useSearchResults(query: string): SearchResultsState {
  const api = useApi();
  const [state, setState] = useState<SearchResultsState>(none);
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return;
    let live = true;
    let generation = 0;
    const run = async () => {
      const mine = ++generation;
      const result = await api.conversations.search({ query: trimmed, limit: LIMIT });
      // Only the newest answer for the current query may land.
      if (!live || mine !== generation) return;
      setState(result.ok ? { query: trimmed, results: result.value.results, error: null } : { query: trimmed, results: [], error: result.error });
    };
    const timer = setTimeout(() => void run(), SEARCH_DELAY_MS);
    const unsubscribe = api.conversations.onChanged(() => void run());
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api, trimmed]);

  return trimmed ? state : none;
}
