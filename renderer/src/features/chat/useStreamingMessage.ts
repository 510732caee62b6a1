import { useCallback, useSyncExternalStore } from 'react';
import { useServices } from '../../app/services.tsx';

/** At most this often while streaming: every frame would spend the page's whole time on layout and
 *  paint for text the eye cannot read faster anyway. */
const REPAINT_MS = 48;

/**
 * The live text of a reply. While `streaming`, it follows the stream buffer and repaints at most once
 * per animation frame (and per REPAINT_MS) however many deltas arrive; otherwise it is simply `content`
 * (so the finished reply shows as soon as its done event lands).
 */
export function useStreamingMessage(messageId: string, content: string, streaming: boolean): string {
  const { streams } = useServices();
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!streaming) return () => undefined;
      let frame = 0;
      let last = 0;
      const paint = (now: number) => {
        if (now - last < REPAINT_MS) {
          frame = requestAnimationFrame(paint);
          return;
        }
        frame = 0;
        last = now;
        onChange();
      };
      const unsubscribe = streams.subscribe(messageId, () => {
        frame ||= requestAnimationFrame(paint);
      });
      return () => {
        unsubscribe();
        cancelAnimationFrame(frame);
      };
    },
    [streams, messageId, streaming],
  );
  const getSnapshot = () => (streaming ? (streams.text(messageId) ?? content) : content);
  return useSyncExternalStore(subscribe, getSnapshot);
}
