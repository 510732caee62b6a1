import { memo, useCallback, useId, useState, useSyncExternalStore } from 'react';
import type { Message } from '../../../../shared/domain.ts';
import { useServices } from '../../app/services.tsx';
import { ChevronIcon } from '../../ui/icons.tsx';
import type { LiveReasoning } from './reasoningHub.ts';
import './reasoning.css';

interface Props {
  message: Message;
  streaming: boolean;
}

function seconds(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}

/** The live thinking of a streaming reply, repainted at most once per frame. */
function useLiveReasoning(messageId: string, streaming: boolean): LiveReasoning | undefined {
  const { reasoning } = useServices();
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!streaming) return () => undefined;
      let frame = 0;
      const unsubscribe = reasoning.subscribe(messageId, () => {
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
    [reasoning, messageId, streaming],
  );
  return useSyncExternalStore(subscribe, () => (streaming ? reasoning.get(messageId) : undefined));
}

/**
 * What a reasoning model thought before it answered: folded by default, its button says what it is
 * ("Thinking…" while it streams, then "Thought for 12 s"). Renders nothing for replies without it.
 */
export const ReasoningBlock = memo(function ReasoningBlock({ message, streaming }: Props) {
  const live = useLiveReasoning(message.id, streaming);
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const thinking = streaming && live !== undefined && live.endedAt === undefined;
  const text = (streaming ? live?.text : undefined) ?? message.reasoning ?? '';
  if (!text) return null;
  const ms = live?.endedAt !== undefined ? live.endedAt - live.startedAt : message.reasoningMs;
  const label = thinking ? 'Thinking…' : ms === undefined ? 'Thoughts' : `Thought for ${seconds(ms)} s`;
  return (
    <div className="reasoning" data-thinking={thinking || undefined}>
      <button
        type="button"
        className="reasoning__toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="reasoning__chevron" data-open={open || undefined}>
          <ChevronIcon />
        </span>
        {label}
      </button>
      <div id={bodyId} className="reasoning__body" hidden={!open} role="region" aria-label="Reasoning" tabIndex={0}>
        {text}
      </div>
    </div>
  );
});
