// The fake provider's public types and fixed answers.
export interface FakeUsage {
  promptTokens: number;
  completionTokens: number;
  reasoningTokens?: number;
  cachedTokens?: number;
}

export interface FakeErrorBody {
  code?: string | null;
  message: string;
  type?: string;
}

export type FakeReply =
  /** Streams the chunks (or, for a stream:false request, answers them joined as one completion). */
  /** holdAfter: which chunk a hold() pauses after (default the first). `reasoning` streams first (as
   *  `reasoning_content`, a reasoning model's thinking); `model` is the model the response names
   *  (default: the one asked for). */
  | { kind: 'stream'; chunks: string[]; delayMs?: number; usage?: FakeUsage; holdAfter?: number; reasoning?: string[]; model?: string }
  /** A non-streaming completion, whatever the request asked for. */
  | { kind: 'json'; content: string; usage?: FakeUsage }
  | { kind: 'http-error'; status: number; error: FakeErrorBody; headers?: Record<string, string> }
  | { kind: 'html'; status: number; html?: string }
  /** Some chunks, then an `error` object in the stream. */
  | { kind: 'stream-error'; chunks: string[]; error: FakeErrorBody; delayMs?: number }
  /** Some chunks, then a data line that is not JSON. */
  | { kind: 'stream-garbage'; chunks: string[]; garbage: string; delayMs?: number }
  /** Some chunks, then the socket is destroyed mid-response. */
  | { kind: 'drop'; chunks: string[]; delayMs?: number }
  /** Never answers (for timeouts). */
  | { kind: 'hang' };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when there was none (or it was not JSON). */
  body: unknown;
}

/** What GET /v1/credits answers: a JSON body (evolink's shape by default) or an HTTP error. */
export type FakeCredits = { kind: 'json'; body: unknown } | { kind: 'http-error'; status: number };

export const DEFAULT_CREDITS_BODY = {
  data: {
    token: { remaining_credits: 99416.4429, unlimited_credits: false, used_credits: 583.5571 },
    user: { remaining_credits: 1095.3996, used_credits: 135.9048 },
  },
  message: '',
  success: true,
};

export interface FakeProvider {
  /** e.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  /** Every request except title requests (see titleRequests), so tests that count the chat
   *  requests of the messages they send keep counting just those. */
  requests: RecordedRequest[];
  /** Requests for a conversation title (recognised by Parley's title instruction). They never take
   *  a reply from enqueue(); by default they answer with the first words of the user's message,
   *  quoted and with a full stop, as a model might. */
  titleRequests: RecordedRequest[];
  enqueue(reply: FakeReply): void;
  /** The answer to the next title request (instead of the default). */
  enqueueTitle(reply: FakeReply): void;
  /** What GET /v1/credits answers from now on. */
  setCredits(credits: FakeCredits): void;
  /** The next streams pause after their first chunk until released. */
  hold(): { release(): void };
  /** Resolves once at least `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const FAKE_MODELS = ['gpt-5.2', 'gpt-5.2-mini', 'fake-echo'];
