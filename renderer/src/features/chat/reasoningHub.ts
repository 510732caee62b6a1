import type { ParleyApi, Unsubscribe } from '../../../../shared/contract/api.ts';
import type { ChatEvent } from '../../../../shared/contract/chat.ts';

export interface LiveReasoning {
  text: string;
  /** performance.now() of the first reasoning text, and of the first text of the answer after it. */
  startedAt: number;
  endedAt: number | undefined;
}

interface Entry {
  live: LiveReasoning | undefined;
  listeners: Set<() => void>;
}

/** The thinking of streaming replies, outside React state (like StreamHub for the reply itself). */
export class ReasoningHub {
  readonly #entries = new Map<string, Entry>();

  listen(api: ParleyApi): Unsubscribe {
    return api.chat.onEvent((event) => this.#onEvent(event));
  }

  get(messageId: string): LiveReasoning | undefined {
    return this.#entries.get(messageId)?.live;
  }

  subscribe(messageId: string, listener: () => void): Unsubscribe {
    const entry = this.#entry(messageId);
    entry.listeners.add(listener);
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0 && !entry.live) this.#entries.delete(messageId);
    };
  }

  #onEvent(event: ChatEvent): void {
    if (event.type === 'done' || event.type === 'error') {
      // The saved message carries the thinking from now on.
      const entry = this.#entries.get(event.messageId);
      if (entry && entry.listeners.size === 0) this.#entries.delete(event.messageId);
      return;
    }
    if (event.type !== 'delta') return;
    const entry = this.#entries.get(event.messageId);
    if (event.reasoning) {
      const target = entry ?? this.#entry(event.messageId);
      // Each stream starts its own thinking (a retry in place reuses the message id).
      const previous = target.live && target.live.endedAt === undefined ? target.live : undefined;
      target.live = previous
        ? { ...previous, text: previous.text + event.reasoning }
        : { text: event.reasoning, startedAt: performance.now(), endedAt: undefined };
      this.#notify(target);
    } else if (event.text && entry?.live && entry.live.endedAt === undefined) {
      entry.live = { ...entry.live, endedAt: performance.now() };
      this.#notify(entry);
    }
  }

  #entry(messageId: string): Entry {
    let entry = this.#entries.get(messageId);
    if (!entry) this.#entries.set(messageId, (entry = { live: undefined, listeners: new Set() }));
    return entry;
  }

  #notify(entry: Entry): void {
    for (const listener of [...entry.listeners]) listener();
  }
}
