import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Whole seconds left until `delayMs` has passed (from mount), then calls `onDone` once; null when
 * there is nothing to wait for. Counted against the clock, so a busy tab does not stretch it.
 */
export function useCountdown(delayMs: number | undefined, onDone: () => void): number | null {
  const [left, setLeft] = useState<number | null>(delayMs === undefined ? null : Math.ceil(delayMs / 1000));
  const done = useEffectEvent(onDone);
  useEffect(() => {
    if (delayMs === undefined) return;
    const end = Date.now() + delayMs;
    const tick = () => {
      const remaining = end - Date.now();
      if (remaining <= 0) {
        clearInterval(timer);
        setLeft(null);
        done();
      } else {
        setLeft(Math.ceil(remaining / 1000));
      }
    };
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [delayMs]);
  return left;
}
