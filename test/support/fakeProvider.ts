// A real HTTP server that speaks the chat-completions API (JSON and SSE), for vitest and Playwright.
// Plain Node and erasable TypeScript only, so Node can run it without a build step.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { TITLE_INSTRUCTION } from '../../electron/core/titles/titlePrompt.ts';

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
  | { kind: 'stream'; chunks: string[]; delayMs?: number; usage?: FakeUsage }
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
const DEFAULT_DELAY_MS = 30;
const DEFAULT_USAGE: FakeUsage = { promptTokens: 12, completionTokens: 7, reasoningTokens: 3, cachedTokens: 4 };

interface Gate {
  promise: Promise<void>;
  release(): void;
}


function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The text of the last user message, whether its content is a string or a list of parts. */
export function lastUserText(body: unknown): string {
  const messages = record(body)['messages'];
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = record(messages[i]);
    if (message['role'] !== 'user') continue;
    const content = message['content'];
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      return content
        .map((part) => record(part))
        .filter((part) => part['type'] === 'text' && typeof part['text'] === 'string')
        .map((part) => String(part['text']))
        .join(' ');
    }
    return '';
  }
  return '';
}

/** Splits text into about `count` pieces that join back to it. */
export function splitIntoChunks(text: string, count = 5): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

function usageJson(usage: FakeUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
    prompt_tokens_details: { cached_tokens: usage.cachedTokens ?? 0 },
  };
}

/** True for Parley's title request: its system message is the title instruction. */
export function isTitleRequest(body: unknown): boolean {
  const messages = record(body)['messages'];
  return Array.isArray(messages) && record(messages[0])['role'] === 'system' && record(messages[0])['content'] === TITLE_INSTRUCTION;
}

/** The default title: the first words of the user's message in the title request's transcript. */
function defaultTitleReply(body: unknown): FakeReply {
  const question = /User: ([\s\S]*?)\nAssistant:/.exec(lastUserText(body))?.[1] ?? '';
  const words = question.replace(/\s*\[\d+ images?\]$/, '').split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
  return { kind: 'json', content: `"${words || 'Untitled'}."` };
}

function defaultReply(body: unknown): FakeReply {
  return { kind: 'stream', chunks: splitIntoChunks(`Echo: ${lastUserText(body)}`), delayMs: DEFAULT_DELAY_MS, usage: DEFAULT_USAGE };
}

function modelOf(body: unknown): string {
  const model = record(body)['model'];
  return typeof model === 'string' ? model : 'fake-echo';
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
}

function completionJson(body: unknown, content: string, usage: FakeUsage | undefined): Record<string, unknown> {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: modelOf(body),
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    ...(usage ? { usage: usageJson(usage) } : {}),
  };
}

function chunkJson(body: unknown, delta: Record<string, unknown>, finishReason: string | null): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: modelOf(body),
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
}

export async function startFakeProvider(): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  const titleRequests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const titleQueue: FakeReply[] = [];
  let credits: FakeCredits = { kind: 'json', body: DEFAULT_CREDITS_BODY };
  let gate: Gate | undefined;
  const waiters = new Set<() => void>();
  // Aborted on close(), so no reply keeps a timer running after the server is gone.
  const closing = new AbortController();
  const sleep = (ms: number): Promise<void> => delay(ms, undefined, { signal: closing.signal });

  const streamChunks = async (
    res: http.ServerResponse,
    body: unknown,
    chunks: string[],
    delayMs: number,
  ): Promise<boolean> => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(`data: ${chunkJson(body, { role: 'assistant', content: '' }, null)}\n\n`);
    for (let i = 0; i < chunks.length; i++) {
      if (i > 0) await sleep(delayMs);
      if (res.destroyed) return false;
      res.write(`data: ${chunkJson(body, { content: chunks[i] }, null)}\n\n`);
      const held = gate;
      if (i === 0 && held) await held.promise;
    }
    return !res.destroyed;
  };

  const answer = async (res: http.ServerResponse, body: unknown, title: boolean): Promise<void> => {
    const reply = title ? (titleQueue.shift() ?? defaultTitleReply(body)) : (queue.shift() ?? defaultReply(body));
    const wantsStream = record(body)['stream'] === true;
    const wantsUsage = record(record(body)['stream_options'])['include_usage'] === true;
    switch (reply.kind) {
      case 'hang':
        return; // the socket stays open until the client gives up or close() destroys it
      case 'json':
        return sendJson(res, 200, completionJson(body, reply.content, reply.usage));
      case 'http-error':
        return sendJson(res, reply.status, { error: { code: null, type: 'invalid_request_error', ...reply.error } }, reply.headers);
      case 'html':
        res.writeHead(reply.status, { 'content-type': 'text/html' });
        res.end(reply.html ?? `<html><head><title>${reply.status} Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>`);
        return;
      case 'stream': {
        if (!wantsStream) return sendJson(res, 200, completionJson(body, reply.chunks.join(''), reply.usage));
        if (!(await streamChunks(res, body, reply.chunks, reply.delayMs ?? DEFAULT_DELAY_MS))) return;
        res.write(`data: ${chunkJson(body, {}, 'stop')}\n\n`);
        if (wantsUsage && reply.usage) {
          const usageChunk = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: modelOf(body), choices: [], usage: usageJson(reply.usage) };
          res.write(`data: ${JSON.stringify(usageChunk)}\n\n`);
        }
        res.end('data: [DONE]\n\n');
        return;
      }
      case 'stream-error':
        if (!(await streamChunks(res, body, reply.chunks, reply.delayMs ?? DEFAULT_DELAY_MS))) return;
        res.end(`data: ${JSON.stringify({ error: { code: null, type: 'server_error', ...reply.error } })}\n\n`);
        return;
      case 'stream-garbage':
        if (!(await streamChunks(res, body, reply.chunks, reply.delayMs ?? DEFAULT_DELAY_MS))) return;
        res.end(`data: ${reply.garbage}\n\n`);
        return;
      case 'drop':
        if (!(await streamChunks(res, body, reply.chunks, reply.delayMs ?? DEFAULT_DELAY_MS))) return;
        await sleep(reply.delayMs ?? DEFAULT_DELAY_MS);
        res.socket?.destroy();
        return;
    }
  };

  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const title = req.method === 'POST' && isTitleRequest(body);
      (title ? titleRequests : requests).push({ method: req.method ?? 'GET', path, headers, body });
      for (const wake of waiters) wake();

      if (req.method === 'GET' && path === '/v1/models') {
        sendJson(res, 200, { object: 'list', data: FAKE_MODELS.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
      } else if (req.method === 'GET' && path === '/v1/credits') {
        if (credits.kind === 'json') sendJson(res, 200, credits.body);
        else sendJson(res, credits.status, { error: { code: null, message: `HTTP ${credits.status}`, type: 'invalid_request_error' } });
      } else if (req.method === 'POST' && path === '/v1/chat/completions') {
        answer(res, body, title).catch(() => res.destroy());
      } else {
        sendJson(res, 404, { error: { code: 'not_found', message: `No route for ${req.method} ${path}`, type: 'invalid_request_error' } });
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    titleRequests,
    enqueue(reply) {
      queue.push(reply);
    },
    enqueueTitle(reply) {
      titleQueue.push(reply);
    },
    setCredits(next) {
      credits = next;
    },
    hold() {
      let release = (): void => {};
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      const held: Gate = {
        promise,
        release() {
          if (gate === held) gate = undefined;
          release();
        },
      };
      gate = held;
      return { release: held.release };
    },
    waitForRequests(count, timeoutMs = 10_000) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Fake provider saw ${requests.length} requests, expected ${count}.`));
        }, timeoutMs);
        const check = (): void => {
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    async close() {
      closing.abort();
      gate?.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
