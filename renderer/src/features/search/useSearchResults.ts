import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../../shared/contract/conversations.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';

/** Typing pauses this long before a search goes out: long enough to skip most keystrokes of a word,
 *  short enough that results follow the typing (the search itself takes a few ms). */
export const SEARCH_DELAY_MS = 100;
/** Results per page. */
const LIMIT = 50;

export interface SearchResultsState {
  /** The query these results answer ('' before the first answer). */
  query: string;
  results: SearchResult[];
  error: AppError | null;
  /** More results follow: loadMore() fetches the next page. */
  hasMore: boolean;
}

const none: SearchResultsState = { query: '', results: [], error: null, hasMore: false };

/** Full-text search results for `query`, debounced and paged; kept current while the conversations
 *  change (as many pages as are shown are asked again). */
export function useSearchResults(query: string): SearchResultsState & { loadMore: () => void } {
  const api = useApi();
  const [state, setState] = useState<SearchResultsState>(none);
  // What is on screen, for the re-query (as many results as shown) and for loadMore.
  const shown = useRef(state);
  useEffect(() => {
    shown.current = state;
  }, [state]);
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return;
    let live = true;
    let generation = 0;
    const run = async () => {
      const mine = ++generation;
      const current = shown.current;
      const limit = current.query === trimmed ? Math.min(200, Math.max(LIMIT, current.results.length)) : LIMIT;
      const result = await api.conversations.search({ query: trimmed, limit });
      // Only the newest answer for the current query may land.
      if (!live || mine !== generation) return;
      setState(
        result.ok
          ? { query: trimmed, results: result.value.results, error: null, hasMore: result.value.hasMore }
          : { query: trimmed, results: [], error: result.error, hasMore: false },
      );
    };
    const timer = setTimeout(() => void run(), SEARCH_DELAY_MS);
    const unsubscribe = api.conversations.onChanged(() => void run());
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api, trimmed]);

  const loadMore = useCallback(() => {
    const current = shown.current;
    if (!current.hasMore || current.query !== trimmed) return;
    void api.conversations.search({ query: trimmed, limit: LIMIT, offset: current.results.length }).then((result) => {
      if (!result.ok || shown.current !== current) return;
      const known = new Set(current.results.map((r) => r.messageId));
      const next = { ...current, results: [...current.results, ...result.value.results.filter((r) => !known.has(r.messageId))], hasMore: result.value.hasMore };
      shown.current = next;
      setState(next);
    });
  }, [api, trimmed]);

  return { ...(trimmed ? state : none), loadMore };
}
