import { useEffect, useRef } from 'react';
import { REVEAL_EVENT } from '../search/revealMessage.ts';

const NEAR_BOTTOM_PX = 48;

/**
 * Keeps a scroll container pinned to its end while content grows, unless the user scrolled up to
 * read. Watches the content's size, so a streaming reply scrolls without the list re-rendering.
 * `resetKey` (the conversation) re-pins to the bottom when it changes.
 */
export function useStickToBottom(resetKey: unknown) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  useEffect(() => {
    const scroller = scrollerRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    const toEnd = () => scroller.scrollTo({ top: scroller.scrollHeight });
    const onScroll = () => {
      pinned.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM_PX;
    };
    // Search is taking the reader to a message: stay there as later content (highlighting) lands.
    const onReveal = () => {
      pinned.current = false;
    };
    pinned.current = true;
    toEnd();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener(REVEAL_EVENT, onReveal);
    const observer = new ResizeObserver(() => {
      if (pinned.current) toEnd();
    });
    observer.observe(content);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener(REVEAL_EVENT, onReveal);
      observer.disconnect();
    };
  }, [resetKey]);

  return { scrollerRef, contentRef };
}
