import { TextThrottle } from './textThrottle.ts';

/**
 * A reply's reasoning text and how long it lasted. Batched to the windows like the reply's own text;
 * saved with the ending (a crash mid-reply keeps the answer so far, not the thinking).
 */
export class ReasoningTrack {
  #text = '';
  #startedAt: number | undefined;
  #endedAt: number | undefined;
  #untimed = false;
  readonly #shower: TextThrottle;
  /** The model that answered, from the response (with `evolink/auto` the provider picks). */
  model: string | undefined;

  constructor(batchIntervalMs: number, show: (text: string) => void) {
    this.#shower = new TextThrottle(batchIntervalMs, show);
  }

  push(reasoning: string, answerText: string): void {
    const now = performance.now();
    if (reasoning) {
      this.#startedAt ??= now;
      this.#text += reasoning;
      this.#shower.push(reasoning);
    }
    // The thinking ends where the answer begins; what was thought goes out before the answer does.
    if (answerText && this.#startedAt !== undefined) {
      this.#endedAt ??= now;
      this.#shower.flush();
    }
  }

  /** A whole (not streamed) reply's thinking: how long it took is not known, so none is saved. */
  pushWhole(reasoning: string): void {
    if (!reasoning) return;
    this.#text = reasoning;
    this.#untimed = true;
    this.#shower.push(reasoning);
    this.#shower.flush();
  }

  /** Sends what is pending now (before the reply's own text, so the windows get them in order). */
  flush(): void {
    this.#shower.flush();
  }

  /** What goes into the saved message. */
  end(): { reasoning?: string; reasoningMs?: number; model?: string } {
    this.#shower.flush();
    this.#shower.dispose();
    const out: { reasoning?: string; reasoningMs?: number; model?: string } = {};
    if (this.model) out.model = this.model;
    if (!this.#text) return out;
    out.reasoning = this.#text;
    if (this.#untimed || this.#startedAt === undefined) return out;
    out.reasoningMs = Math.max(0, Math.round((this.#endedAt ?? performance.now()) - this.#startedAt));
    return out;
  }
}
