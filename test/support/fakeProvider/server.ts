// The fake provider's HTTP server: routes, the reply queue, holding streams, and waiting for requests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  DEFAULT_DELAY_MS,
  chunkJson,
  completionJson,
  defaultReply,
  defaultTitleReply,
  isTitleRequest,
  modelOf,
  record,
  sendJson,
  usageJson,
} from './replies.ts';
import { DEFAULT_CREDITS_BODY, FAKE_MODELS, type FakeCredits, type FakeProvider, type FakeReply, type RecordedRequest } from './types.ts';

interface Gate {
  promise: Promise<void>;
  release(): void;
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
    extra: { reasoning?: string[]; model?: string; holdAfter?: number } = {},
  ): Promise<boolean> => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(`data: ${chunkJson(body, { role: 'assistant', content: '' }, null, extra.model)}\n\n`);
    for (const thought of extra.reasoning ?? []) {
      if (res.destroyed) return false;
      res.write(`data: ${chunkJson(body, { reasoning_content: thought }, null, extra.model)}\n\n`);
      await sleep(delayMs);
    }
    for (let i = 0; i < chunks.length; i++) {
      if (i > 0) await sleep(delayMs);
      if (res.destroyed) return false;
      res.write(`data: ${chunkJson(body, { content: chunks[i] }, null, extra.model)}\n\n`);
      const held = gate;
      if (i === (extra.holdAfter ?? 0) && held) await held.promise;
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
        const extra = { reasoning: reply.reasoning, model: reply.model, holdAfter: reply.holdAfter };
        if (!(await streamChunks(res, body, reply.chunks, reply.delayMs ?? DEFAULT_DELAY_MS, extra))) return;
        res.write(`data: ${chunkJson(body, {}, 'stop', reply.model)}\n\n`);
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
