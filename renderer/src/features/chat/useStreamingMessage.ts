import { useCallback, useSyncExternalStore } from 'react';
import { useServices } from '../../app/services.tsx';

/**
 * The live text of a reply. While `streaming`, it follows the stream buffer and repaints at most once
 * per animation frame however many deltas arrive; otherwise it is simply `content`.
 */
export function useStreamingMessage(messageId: string, content: string, streaming: boolean): string {
  const { streams } = useServices();
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!streaming) return () => undefined;
      let frame = 0;
      const unsubscribe = streams.subscribe(messageId, () => {
        frame ||= requestAnimationFrame(() => {
          frame = 0;
          onChange();
        });
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
