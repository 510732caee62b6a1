import type { ParleyApi, Unsubscribe } from '../../../../shared/contract/api.ts';
import type { ChatEvent } from '../../../../shared/contract/chat.ts';

interface Buffer {
  /** undefined until a delta or a snapshot arrives. */
  text: string | undefined;
  streamId: string | undefined;
  listeners: Set<() => void>;
}

const KEEP_FINISHED = 20;

/**
 * Holds the growing text of every streaming reply outside React state, so a delta costs a string
 * append, not a render. Components read it through useStreamingMessage, which repaints per frame.
 */
export class StreamHub {
  readonly #buffers = new Map<string, Buffer>();
  readonly #finished: string[] = [];

  /** Starts following chat events; returns the way to stop. */
  listen(api: ParleyApi): Unsubscribe {
    return api.chat.onEvent((event) => this.#onEvent(event));
  }

  text(messageId: string): string | undefined {
    return this.#buffers.get(messageId)?.text;
  }

  streamIdOf(messageId: string): string | undefined {
    return this.#buffers.get(messageId)?.streamId;
  }

  /** Remembers which stream fills a message (from chat.send), for Stop. */
  register(messageId: string, streamId: string): void {
    const buffer = this.#buffer(messageId);
    if (buffer.streamId === streamId) return;
    buffer.streamId = streamId;
    this.#notify(buffer);
  }

  /**
   * A fresh snapshot from the database already holds every delta received before it on the same
   * channel, so it replaces whatever the buffer had gathered.
   */
  seed(messageId: string, text: string): void {
    const buffer = this.#buffer(messageId);
    if (buffer.text === text) return;
    buffer.text = text;
    this.#notify(buffer);
  }

  subscribe(messageId: string, listener: () => void): Unsubscribe {
    const buffer = this.#buffer(messageId);
    buffer.listeners.add(listener);
    return () => buffer.listeners.delete(listener);
  }

  #onEvent(event: ChatEvent): void {
    const buffer = this.#buffer(event.messageId);
    if (buffer.streamId === undefined) {
      buffer.streamId = event.streamId;
      if (event.type !== 'delta') this.#notify(buffer);
    }
    if (event.type === 'delta') {
      buffer.text = (buffer.text ?? '') + event.text;
      this.#notify(buffer);
    } else if (event.type === 'done' || event.type === 'error') {
      buffer.text = event.message.content;
      this.#notify(buffer);
      this.#retire(event.messageId);
    }
  }

  // Finished buffers linger briefly so a render racing the final state never sees an empty reply.
  #retire(messageId: string): void {
    this.#finished.push(messageId);
    while (this.#finished.length > KEEP_FINISHED) {
      const old = this.#finished.shift();
      if (old !== undefined && !this.#buffers.get(old)?.listeners.size) this.#buffers.delete(old);
    }
  }

  #buffer(messageId: string): Buffer {
    let buffer = this.#buffers.get(messageId);
    if (!buffer) this.#buffers.set(messageId, (buffer = { text: undefined, streamId: undefined, listeners: new Set() }));
    return buffer;
  }

  #notify(buffer: Buffer): void {
    for (const listener of [...buffer.listeners]) listener();
  }
}
