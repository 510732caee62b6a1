/**
 * Gathers streamed text and hands it on in batches: text arriving after a quiet spell goes at once,
 * after that at most once per `intervalMs`, or as soon as `maxChars` are waiting. One instance feeds
 * the windows (~16 ms: at most one event per frame) and one the database (250 ms: each commit costs
 * at least one 4 KB WAL page, so a crash loses at most that much text without multiplying writes).
 */
export class TextThrottle {
  readonly #intervalMs: number;
  readonly #maxChars: number;
  readonly #sink: (text: string) => void;
  #pending = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastSave = Number.NEGATIVE_INFINITY;

  constructor(intervalMs: number, sink: (text: string) => void, maxChars = Number.POSITIVE_INFINITY) {
    this.#intervalMs = intervalMs;
    this.#maxChars = maxChars;
    this.#sink = sink;
  }

  push(text: string): void {
    if (!text) return;
    this.#pending += text;
    if (this.#pending.length >= this.#maxChars) {
      this.flush();
      return;
    }
    if (this.#timer !== undefined) return;
    const wait = this.#lastSave + this.#intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else this.#timer = setTimeout(() => this.flush(), wait);
  }

  /** Adds text that is about to be handed over whole (a non-streamed reply): no save is scheduled. */
  keep(text: string): void {
    this.#pending += text;
  }

  /** Hands back what is waiting instead of saving it: at the end of a reply it goes straight into the
   *  finished message, which spares a chunk row that would be written and deleted at once. */
  take(): string {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const text = this.#pending;
    this.#pending = '';
    return text;
  }

  /** Hands on whatever is waiting now. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#pending) return;
    const text = this.#pending;
    this.#pending = '';
    this.#lastSave = performance.now();
    this.#sink(text);
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = '';
  }
}
