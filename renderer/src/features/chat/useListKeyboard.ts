import { useCallback, type KeyboardEvent } from 'react';
import type { VirtualizerHandle } from 'virtua';
import type { Message } from '../../../../shared/domain.ts';
import { focusWhenRendered } from '../../ui/focusWhenRendered.ts';
import { messageElementId } from '../search/revealMessage.ts';

/** Focuses a message once the virtual list has rendered it (at once when it is already). */
export function focusMessage(messageId: string, then?: (element: HTMLElement) => void): void {
  focusWhenRendered(() => document.getElementById(messageElementId(messageId)), (element) => {
    element.focus({ preventScroll: true });
    then?.(element);
  });
}

/**
 * Arrow keys on a focused message move to the one before or after it (Home and End: the first and
 * last loaded), scrolling the virtual list so it is rendered; keys inside a message's own controls
 * are left alone.
 */
export function useListKeyboard(messages: Message[], list: () => VirtualizerHandle | null) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const article = event.target instanceof HTMLElement && event.target.matches('article.message') ? event.target : null;
      if (!article || event.altKey || event.ctrlKey || event.metaKey) return;
      const index = messages.findIndex((m) => messageElementId(m.id) === article.id);
      if (index < 0) return;
      const next =
        event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? messages.length - 1 : -1;
      const message = messages[next];
      if (next < 0 || !message) return;
      event.preventDefault();
      list()?.scrollToIndex(next, { align: 'nearest' });
      focusMessage(message.id);
    },
    [messages, list],
  );
}
