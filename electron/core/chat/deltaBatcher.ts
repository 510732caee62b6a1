/** Gathers streamed text and hands it on at most once per interval, so neither the database nor the
 *  windows see one write or one event per token. */
export class DeltaBatcher {
  readonly #intervalMs: number;
  readonly #sink: (text: string) => void;
  #pending = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(intervalMs: number, sink: (text: string) => void) {
    this.#intervalMs = intervalMs;
    this.#sink = sink;
  }

  push(text: string): void {
    if (!text) return;
    this.#pending += text;
    this.#timer ??= setTimeout(() => this.flush(), this.#intervalMs);
  }

  /** Hands on whatever is pending now. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#pending) return;
    const text = this.#pending;
    this.#pending = '';
    this.#sink(text);
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = '';
  }
}
