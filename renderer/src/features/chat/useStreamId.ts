import { useCallback, useSyncExternalStore } from 'react';
import { useServices } from '../../app/services.tsx';

/**
 * The stream that fills a message, for Stop. Known from chat.send at once, or, after a reload, from
 * the first event of the stream; re-renders only when it changes, not per delta.
 */
export function useStreamId(messageId: string | undefined): string | undefined {
  const { streams } = useServices();
  const subscribe = useCallback(
    (onChange: () => void) => (messageId ? streams.subscribe(messageId, onChange) : () => undefined),
    [streams, messageId],
  );
  return useSyncExternalStore(subscribe, () => (messageId ? streams.streamIdOf(messageId) : undefined));
}
