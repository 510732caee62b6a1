import { useEffect, useRef } from 'react';

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
    pinned.current = true;
    toEnd();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(() => {
      if (pinned.current) toEnd();
    });
    observer.observe(content);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [resetKey]);

  return { scrollerRef, contentRef };
}
