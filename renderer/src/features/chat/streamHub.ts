import type { ParleyApi, Unsubscribe } from '../../../../shared/contract/api.ts';
import type { ChatEvent } from '../../../../shared/contract/chat.ts';

interface Buffer {
  /** undefined until a delta or a snapshot arrives. */
  text: string | undefined;
  streamId: string | undefined;
  /** The stream whose deltas built `text` (a continue or retry restarts the same message). */
  textStream: string | undefined;
  /** Deltas that start beyond the text held (some were missed): applied once a snapshot fills the gap. */
  ahead: Map<number, string>;
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
   * A snapshot of the reply (conversations:get carries the live text of a running reply). Both it and
   * the buffer are beginnings of the same reply, so the longer one wins; deltas held back for a gap
   * are applied if the snapshot reaches them.
   */
  seed(messageId: string, text: string): void {
    const buffer = this.#buffer(messageId);
    const before = buffer.text;
    if (before === undefined || text.length >= before.length) buffer.text = text;
    this.#drain(buffer);
    if (buffer.text !== before) this.#notify(buffer);
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
      const before = buffer.text;
      this.#merge(buffer, event.streamId, event.offset, event.text);
      if (buffer.text !== before) this.#notify(buffer);
    } else if (event.type === 'done' || event.type === 'error') {
      buffer.text = event.message.content;
      buffer.ahead.clear();
      this.#notify(buffer);
      this.#retire(event.messageId);
    }
  }

  /** Places a delta at its offset: appended when it starts where the text ends, ignored when the
   *  text already covers it, held back when it starts beyond (a gap to be filled by a snapshot). */
  #merge(buffer: Buffer, streamId: string, offset: number, text: string): void {
    const current = buffer.text;
    if (buffer.textStream !== streamId) {
      // A new stream into this message (continue, retry) goes on from its offset: anything after is stale.
      buffer.textStream = streamId;
      buffer.ahead.clear();
      if (current !== undefined && current.length >= offset) {
        buffer.text = current.slice(0, offset) + text;
        return;
      }
    }
    const held = buffer.text ?? '';
    if (offset > held.length || buffer.text === undefined) {
      if (offset === 0) buffer.text = text;
      else buffer.ahead.set(offset, text);
      this.#drain(buffer);
      return;
    }
    if (offset + text.length > held.length) buffer.text = held.slice(0, offset) + text;
    this.#drain(buffer);
  }

  #drain(buffer: Buffer): void {
    let moved = true;
    while (moved && buffer.ahead.size > 0 && buffer.text !== undefined) {
      moved = false;
      for (const [offset, text] of buffer.ahead) {
        const held: string = buffer.text;
        if (offset > held.length) continue;
        buffer.ahead.delete(offset);
        if (offset + text.length > held.length) buffer.text = held.slice(0, offset) + text;
        moved = true;
      }
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
    if (!buffer) {
      buffer = { text: undefined, streamId: undefined, textStream: undefined, ahead: new Map(), listeners: new Set() };
      this.#buffers.set(messageId, buffer);
    }
    return buffer;
  }

  #notify(buffer: Buffer): void {
    for (const listener of [...buffer.listeners]) listener();
  }
}
