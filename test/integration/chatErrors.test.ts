import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppErrorException, type AppError } from '../../shared/errors.ts';
import type { ChatService } from '../../electron/core/chat/ChatService.ts';
import type { ChatConfig } from '../../electron/core/ports.ts';
import type { FakeReply } from '../support/fakeProvider.ts';
import { createChatHarness, type ChatHarness } from '../support/chatHarness.ts';

const TOKEN = 'sk-secret-token-abcdef123456';

let h: ChatHarness;

beforeEach(async () => {
  h = await createChatHarness({ name: 'chat-errors', token: TOKEN });
});

afterEach(() => h.close());

interface Timeouts {
  requestTimeoutMs?: number;
  stallTimeoutMs?: number;
}

/** A ChatService with these timeouts (shut down with the harness). */
const service = (timeouts: Timeouts = {}): ChatService => h.startChat(timeouts);

/** Sends one message, waits for the end, and checks what every failure must leave behind. */
async function failWith(reply: FakeReply | undefined, timeouts: Timeouts = {}): Promise<{ error: AppError; content: string }> {
  if (reply) h.fake.enqueue(reply);
  const chat = service(timeouts);
  const sent = await chat.send({ text: 'will this work?', images: [] });
  const end = await h.waitForEnd(sent.streamId);
  await chat.shutdown();
  if (end.type !== 'error') throw new Error(`expected an error event, got ${end.type}`);

  const saved = h.store.getConversation(sent.conversationId)!;
  expect(saved.messages[0]).toMatchObject({ role: 'user', content: 'will this work?', status: 'complete' });
  expect(saved.messages[1]).toMatchObject({ status: 'error', error: end.error, content: end.message.content });
  expect(JSON.stringify(end)).not.toContain(TOKEN);
  expect(end.error.message).not.toMatch(/\n\s+at /);
  return { error: end.error, content: end.message.content };
}

const httpError = (status: number, message: string, headers?: Record<string, string>): FakeReply => ({
  kind: 'http-error',
  status,
  error: { message, code: 'x' },
  ...(headers ? { headers } : {}),
});

describe('ChatService failures', () => {
  it.each([
    [401, 'auth_failed', /^127\.0\.0\.1:\d+ rejected the API token\.$/],
    [402, 'out_of_credits', /credits/],
    [403, 'forbidden', /refused/],
    [404, 'not_found', /gpt-5\.2/],
    [500, 'provider_error', /HTTP 500/],
    [400, 'bad_request', /max_tokens is too large/],
  ] as const)('HTTP %i becomes %s', async (status, code, message) => {
    const { error } = await failWith(httpError(status, `max_tokens is too large; key ${TOKEN}`));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  it('429 becomes rate_limited with retryAfterMs from Retry-After or retry-after-ms', async () => {
    const { error } = await failWith(httpError(429, 'slow down', { 'retry-after': '7' }));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 7000 });
    const again = await failWith(httpError(429, 'slow down', { 'retry-after-ms': '1500' }));
    expect(again.error.retryAfterMs).toBe(1500);
  });

  it('an HTML page from a proxy becomes bad_response', async () => {
    const { error } = await failWith({ kind: 'html', status: 502 });
    expect(error.code).toBe('bad_response');
    expect(error.status).toBe(502);
    expect(error.message).toContain('answered with a web page instead of an API response (HTTP 502)');
    expect(error.message).not.toContain('<html');
  });

  it('an error object in the stream keeps the partial reply', async () => {
    const { error, content } = await failWith({ kind: 'stream-error', chunks: ['Half an ', 'answer'], error: { message: 'The server is overloaded' }, delayMs: 5 });
    expect(error.code).toBe('provider_error');
    expect(error.message).toContain('The server is overloaded');
    expect(content).toBe('Half an answer');
  });

  it('a chunk that is not JSON becomes bad_response', async () => {
    const { error, content } = await failWith({ kind: 'stream-garbage', chunks: ['ok so far'], garbage: '<<not json>>', delayMs: 5 });
    expect(error.code).toBe('bad_response');
    expect(content).toBe('ok so far');
  });

  it('a dropped connection becomes network and keeps the partial reply', async () => {
    const { error, content } = await failWith({ kind: 'drop', chunks: ['Before the ', 'drop'], delayMs: 5 });
    expect(error.code).toBe('network');
    expect(content).toBe('Before the drop');
  });

  it('a provider that never answers becomes timeout', async () => {
    // The SDK's own timeout: no response headers within requestTimeoutMs.
    const { error } = await failWith({ kind: 'hang' }, { requestTimeoutMs: 300 });
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('did not answer in time');
  });

  it('a stream that stalls mid-reply becomes timeout and keeps what arrived', async () => {
    const reply: FakeReply = { kind: 'stream', chunks: ['So far ', 'and then nothing'], delayMs: 10_000 };
    const { error, content } = await failWith(reply, { requestTimeoutMs: 500, stallTimeoutMs: 1000 });
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('went silent for');
    expect(content).toBe('So far ');
  });

  it('a closed port becomes network and names the host', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    h.config = { ...h.config, baseUrl: `http://127.0.0.1:${port}/v1` };

    const { error } = await failWith(undefined);
    expect(error.code).toBe('network');
    expect(error.message).toBe(`127.0.0.1:${port} refused the connection: nothing answers at that address.`);
  });
});

describe('ChatService refusals before any request', () => {
  async function refusal(change: Partial<ChatConfig>): Promise<AppError> {
    h.config = { ...h.config, ...change };
    const chat = service();
    let caught: unknown;
    try {
      await chat.send({ text: 'hello', images: [] });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppErrorException);
    expect(h.fake.requests).toHaveLength(0);
    expect(h.store.listConversations()).toEqual([]);
    expect(h.events.chat).toEqual([]);
    return (caught as AppErrorException).error;
  }

  it('refuses without a token', async () => {
    expect(await refusal({ token: undefined })).toEqual({ code: 'token_missing', message: 'Add your API token in Settings to start chatting.' });
    expect((await refusal({ token: '   ' })).code).toBe('token_missing');
  });

  it.each([
    [{ temperature: 2.5 }, 'Temperature must be between 0 and 2.'],
    [{ temperature: Number.NaN }, 'Temperature must be a number.'],
    [{ topP: 1.5 }, 'Top P must be between 0 and 1.'],
    [{ topK: 0 }, 'Top K must be 1 or more.'],
    [{ topK: 2.5 }, 'Top K must be a whole number.'],
    [{ baseUrl: 'ftp://example.com' }, /http:\/\/ or https:\/\//],
    [{ model: ' ' }, 'Model is required.'],
  ] as const)('refuses %o', async (change, message) => {
    const error = await refusal(change);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
  });

  it('refuses an unknown conversation id without sending', async () => {
    const chat = service();
    await expect(chat.send({ conversationId: 'gone', text: 'hi', images: [] })).rejects.toMatchObject({ error: { code: 'not_found_local' } });
    expect(h.fake.requests).toHaveLength(0);
  });
});
