import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/contract/app.ts';
import type { ChatEvent } from '../../shared/contract/chat.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import type { Conversation } from '../../shared/domain.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';
import { connectClient, serveEnv, startServe, type ServeProcess, type WireClient } from '../support/serveProcess.ts';

// The real thing: the built server on a data folder, killed with SIGKILL mid-reply, started again.
const TOKEN = 'sk-sigkill-test-token-0123456789';

let home: string;
let dataDir: string;
let fake: FakeProvider;
let server: ServeProcess | undefined;
let client: WireClient | undefined;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'parley-sigkill-'));
  dataDir = join(home, 'data');
  fake = await startFakeProvider();
});

afterEach(async () => {
  client?.close();
  await server?.stop('SIGKILL');
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

async function start(): Promise<WireClient> {
  server = await startServe(dataDir, serveEnv({ baseUrl: fake.baseUrl, token: TOKEN, home }));
  client = await connectClient(server.url);
  return client;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a crash in the middle of a reply (SIGKILL of the browser-mode server)', () => {
  it('keeps the partial reply, marks it interrupted after a restart, and Continue completes it', async () => {
    fake.enqueue({ kind: 'stream', chunks: ['The first half of the answer', ' and the rest that never came.'], delayMs: 5 });
    const held = fake.hold();
    let api = await start();
    const sent = await api.value<CallOutput<'chat:send'>>('chat:send', { text: 'Tell me something long' });
    const replyId = sent.assistantMessage.id;

    // Wait until the partial text is in the database (read through the server, from the DB).
    await until(
      'the partial reply to be saved',
      () => api.value<Conversation>('conversations:get', { id: sent.conversationId }),
      (c) => c.messages[1]?.content === 'The first half of the answer',
    );

    await server!.stop('SIGKILL');
    client!.close();
    held.release();

    api = await start();
    const info = await api.value<AppInfo>('app:info');
    expect(info.notices.map((n) => n.id)).toContain('interrupted-replies');
    const after = await api.value<Conversation>('conversations:get', { id: sent.conversationId });
    expect(after.messages.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'complete', 'Tell me something long'],
      ['assistant', 'interrupted', 'The first half of the answer'],
    ]);

    fake.enqueue({ kind: 'stream', chunks: [' and here', ' is the rest.'], delayMs: 5 });
    const continued = await api.value<CallOutput<'chat:continue'>>('chat:continue', { messageId: replyId });
    expect(continued.assistantMessage).toMatchObject({ id: replyId, status: 'streaming', content: 'The first half of the answer' });
    const end = (await api.waitForEvent((e) => {
      const event = e.payload as ChatEvent;
      return e.channel === 'chat:event' && event.streamId === continued.streamId && (event.type === 'done' || event.type === 'error');
    })).payload as ChatEvent;
    expect(end).toMatchObject({ type: 'done', status: 'complete', message: { id: replyId, content: 'The first half of the answer and here is the rest.' } });

    // The request carried the partial reply and the instruction, and nothing of that was saved as a message.
    const body = fake.requests.at(-1)!.body as { messages: { role: string; content: unknown }[] };
    expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(body.messages[1]!.content).toBe('The first half of the answer');
    expect(body.messages[2]!.content).toMatch(/^Continue exactly where you left off/);
    const final = await api.value<Conversation>('conversations:get', { id: sent.conversationId });
    expect(final.messages.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'complete', 'Tell me something long'],
      ['assistant', 'complete', 'The first half of the answer and here is the rest.'],
    ]);
    // And the completed text is searchable.
    const { results: hits } = await api.value<{ results: unknown[] }>('conversations:search', { query: 'rest' });
    expect(hits).toHaveLength(1);
  });
});
