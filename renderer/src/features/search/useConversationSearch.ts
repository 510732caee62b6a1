import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { SearchResult } from '../../../../shared/contract/conversations.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { useApi } from '../../app/services.tsx';
import { focusComposer } from '../composer/focusComposer.ts';
// The virtual message list takes the jump: it pages back to the message, centres and highlights it.
import { revealMessage } from '../chat/messageReveal.ts';
import { useSearchResults } from './useSearchResults.ts';

export interface ConversationSearch {
  query: string;
  setQuery: (query: string) => void;
  /** A query is typed: the results take the conversation list's place. */
  active: boolean;
  /** False while the first answer for the typed query is still on its way. */
  answered: boolean;
  results: SearchResult[];
  error: AppError | null;
  /** More results follow; loadMore() appends the next page. */
  hasMore: boolean;
  loadMore: () => void;
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  open: (index: number) => void;
  listId: string;
  optionId: (index: number) => string;
  onInputKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onInputFocus: (event: FocusEvent<HTMLInputElement>) => void;
}

/**
 * The sidebar's search: the query, its results, the highlighted result (moved with Up/Down, focus
 * staying in the box: aria-activedescendant) and what Enter and Esc do.
 */
export function useConversationSearch(onSelect: (conversationId: string) => void): ConversationSearch {
  const api = useApi();
  const [query, setQuery] = useState('');
  const { query: answeredQuery, results, error, hasMore, loadMore } = useSearchResults(query);
  const [activeIndex, setActiveIndex] = useState(0);
  const returnFocus = useRef<HTMLElement | null>(null);
  const listId = useId();
  const optionId = useCallback((index: number) => `${listId}-option-${index}`, [listId]);

  // Another query starts at its best result; fresh results for the same query (the conversations
  // changed) keep the place.
  const [shownQuery, setShownQuery] = useState(answeredQuery);
  if (shownQuery !== answeredQuery) {
    setShownQuery(answeredQuery);
    setActiveIndex(0);
  }

  useEffect(() => {
    if (results.length > 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, results, optionId]);

  const open = useCallback(
    (index: number) => {
      const result = results[index];
      if (!result) return;
      setActiveIndex(index);
      // A hit on a version that is not on screen (before an edit or a regenerate) is brought on
      // screen first; whatever that answers, the conversation opens.
      void api.conversations.selectBranch({ messageId: result.messageId }).then(() => {
        onSelect(result.conversationId);
        revealMessage(result.messageId, result.conversationId);
      });
    },
    [api, results, onSelect],
  );

  const onInputFocus = (event: FocusEvent<HTMLInputElement>) => {
    // Where Esc sends the user back to: wherever they came from.
    if (event.relatedTarget instanceof HTMLElement) returnFocus.current = event.relatedTarget;
  };

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const count = results.length;
    if (event.key === 'ArrowDown' && count > 0 && activeIndex === count - 1 && hasMore) {
      loadMore();
      setActiveIndex(activeIndex);
    } else if (event.key === 'ArrowDown' && count > 0) setActiveIndex((activeIndex + 1) % count);
    else if (event.key === 'ArrowUp' && count > 0) setActiveIndex((activeIndex - 1 + count) % count);
    else if (event.key === 'Enter' && count > 0) open(activeIndex);
    else if (event.key === 'Escape') {
      setQuery('');
      const back = returnFocus.current;
      returnFocus.current = null;
      if (back?.isConnected) back.focus();
      else focusComposer();
    } else return;
    event.preventDefault();
  };

  const trimmed = query.trim();
  return {
    query,
    setQuery,
    active: trimmed.length > 0,
    answered: answeredQuery === trimmed,
    results,
    error,
    hasMore,
    loadMore,
    activeIndex: Math.min(activeIndex, Math.max(0, results.length - 1)),
    setActiveIndex,
    open,
    listId,
    optionId,
    onInputKeyDown,
    onInputFocus,
  };
}
