import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatEventSchema, type ChatEvent } from '../../shared/contract/chat.ts';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import { ChatService } from '../../electron/core/chat/ChatService.ts';
import type { ChatConfig, EventSink } from '../../electron/core/ports.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

const TOKEN = 'sk-test-token-1234567890';

/** Records every event, checks chat events against the contract, and lets a test wait for one. */
class RecordingSink implements EventSink {
  readonly chat: ChatEvent[] = [];
  readonly changed: (string | undefined)[] = [];
  readonly #wakers = new Set<() => void>();

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    if (channel === 'chat:event') this.chat.push(ChatEventSchema.parse(payload));
    if (channel === 'conversations:changed') this.changed.push((payload as { conversationId?: string }).conversationId);
    for (const wake of this.#wakers) wake();
  }

  waitFor(predicate: (event: ChatEvent) => boolean): Promise<ChatEvent> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const found = this.chat.find(predicate);
        if (found) {
          this.#wakers.delete(check);
          resolve(found);
        }
        return found !== undefined;
      };
      if (!check()) this.#wakers.add(check);
    });
  }

  end(streamId: string): Promise<ChatEvent> {
    return this.waitFor((e) => e.streamId === streamId && (e.type === 'done' || e.type === 'error'));
  }

  of(streamId: string): ChatEvent[] {
    return this.chat.filter((e) => e.streamId === streamId);
  }
}

let dir: string;
let dbPath: string;
let store: ConversationStore;
let provider: FakeProvider;
let sink: RecordingSink;
let config: ChatConfig;
let chat: ChatService;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-chat-'));
  dbPath = path.join(dir, 'parley.db');
  store = ConversationStore.open(dbPath);
  provider = await startFakeProvider();
  sink = new RecordingSink();
  config = { baseUrl: provider.baseUrl, model: 'gpt-5.2', stream: true, token: TOKEN };
  chat = new ChatService({ store, events: sink, getConfig: async () => config });
});

afterEach(async () => {
  await chat.shutdown();
  await provider.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function lastBody(): Record<string, unknown> {
  return provider.requests.at(-1)!.body as Record<string, unknown>;
}

describe('ChatService streaming', () => {
  it('streams a reply end to end: events in order, saved with usage, sent with the token and sampling', async () => {
    config = { ...config, temperature: 0.7, topP: 0.9, topK: 40 };
    const sent = await chat.send({ text: 'hello there', images: [] });
    expect(sent.userMessage).toMatchObject({ role: 'user', content: 'hello there', status: 'complete' });
    expect(sent.assistantMessage).toMatchObject({ role: 'assistant', content: '', status: 'streaming', model: 'gpt-5.2' });
    expect(store.listConversations().map((c) => c.id)).toEqual([sent.conversationId]);

    const end = await sink.end(sent.streamId);
    const events = sink.of(sent.streamId);
    const types = events.map((e) => e.type);
    expect(types.at(-1)).toBe('done');
    expect(types.at(-2)).toBe('usage');
    expect(types.slice(0, -2).every((t) => t === 'delta')).toBe(true);
    const text = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
    expect(text).toBe('Echo: hello there');
    for (const e of events) expect(e).toMatchObject({ conversationId: sent.conversationId, messageId: sent.assistantMessage.id });

    const usage = { promptTokens: 12, completionTokens: 7, totalTokens: 19, reasoningTokens: 3, cachedTokens: 4 };
    expect(end).toMatchObject({ type: 'done', status: 'complete', message: { content: text, status: 'complete', usage } });
    const saved = store.getConversation(sent.conversationId)!;
    expect(saved.title).toBe('hello there');
    expect(saved.messages.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'complete', 'hello there'],
      ['assistant', 'complete', 'Echo: hello there'],
    ]);
    expect(saved.messages[1]!.usage).toEqual(usage);
    expect(sink.changed).toContain(sent.conversationId);

    const request = provider.requests[0]!;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(request.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(lastBody()).toMatchObject({
      model: 'gpt-5.2',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.7,
      top_p: 0.9,
      top_k: 40,
      messages: [{ role: 'user', content: 'hello there' }],
    });
  });

  it('leaves unset sampling values out of the request', async () => {
    const sent = await chat.send({ text: 'plain', images: [] });
    await sink.end(sent.streamId);
    const body = lastBody();
    expect(body).not.toHaveProperty('top_k');
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
  });

  it('has the reply in the database while it is still streaming', async () => {
    provider.enqueue({ kind: 'stream', chunks: ['first part, ', 'second part'], delayMs: 5 });
    const gate = provider.hold();
    const sent = await chat.send({ text: 'go', images: [] });
    await sink.waitFor((e) => e.streamId === sent.streamId && e.type === 'delta');

    const other = new DatabaseSync(dbPath, { readOnly: true });
    try {
      const row = other.prepare('SELECT status, content FROM messages WHERE id = ?').get(sent.assistantMessage.id);
      const chunks = other
        .prepare('SELECT text FROM message_chunks WHERE message_id = ? ORDER BY id')
        .all(sent.assistantMessage.id)
        .map((c) => String(c['text']))
        .join('');
      expect(row?.['status']).toBe('streaming');
      expect(String(row?.['content']) + chunks).toBe('first part, ');
    } finally {
      other.close();
    }
    expect(store.getConversation(sent.conversationId)!.messages[1]).toMatchObject({ status: 'streaming', content: 'first part, ' });

    gate.release();
    expect(await sink.end(sent.streamId)).toMatchObject({ type: 'done', message: { content: 'first part, second part' } });
  });

  it('cancel keeps the partial reply as stopped', async () => {
    provider.enqueue({ kind: 'stream', chunks: ['partial ', 'never sent'], delayMs: 5 });
    const gate = provider.hold();
    const sent = await chat.send({ text: 'stop me', images: [] });
    await sink.waitFor((e) => e.streamId === sent.streamId && e.type === 'delta');

    expect(chat.cancel(sent.streamId)).toBe(true);
    const end = await sink.end(sent.streamId);
    gate.release();
    expect(end).toMatchObject({ type: 'done', status: 'stopped', message: { status: 'stopped', content: 'partial ' } });
    expect(store.getConversation(sent.conversationId)!.messages[1]).toMatchObject({ status: 'stopped', content: 'partial ' });
    expect(chat.cancel(sent.streamId)).toBe(false);
    expect(chat.cancel('no-such-stream')).toBe(false);
  });

  it('shutdown stops every stream and waits until each is saved', async () => {
    const gate = provider.hold();
    const first = await chat.send({ text: 'one', images: [] });
    const second = await chat.send({ text: 'two', images: [] });
    await sink.waitFor((e) => e.streamId === first.streamId && e.type === 'delta');
    await sink.waitFor((e) => e.streamId === second.streamId && e.type === 'delta');

    await chat.shutdown();
    gate.release();
    for (const sent of [first, second]) {
      const reply = store.getConversation(sent.conversationId)!.messages[1]!;
      expect(reply.status).toBe('stopped');
      expect(reply.content.length).toBeGreaterThan(0);
    }
    await expect(chat.send({ text: 'after', images: [] })).rejects.toThrow(/shutting down/);
  });

  it('non-streaming mode saves the whole reply at once, then sends the same events', async () => {
    config = { ...config, stream: false };
    const sent = await chat.send({ text: 'all at once', images: [] });
    const end = await sink.end(sent.streamId);
    expect(lastBody()['stream']).toBe(false);
    expect(lastBody()).not.toHaveProperty('stream_options');
    expect(sink.of(sent.streamId).map((e) => e.type)).toEqual(['delta', 'usage', 'done']);
    expect(end).toMatchObject({ status: 'complete', message: { content: 'Echo: all at once', usage: { totalTokens: 19 } } });
  });

  it('sends images as image_url parts and replays the conversation so far', async () => {
    const image = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', name: 'dot.png' };
    const first = await chat.send({ text: 'what is this?', images: [image] });
    await sink.end(first.streamId);
    expect(lastBody()['messages']).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'what is this?' },
          { type: 'image_url', image_url: { url: image.dataUrl } },
        ],
      },
    ]);
    expect(first.userMessage.images).toEqual([image]);

    provider.enqueue({ kind: 'http-error', status: 500, error: { message: 'boom' } });
    const failed = await chat.send({ conversationId: first.conversationId, text: 'again', images: [] });
    await sink.end(failed.streamId);
    const third = await chat.send({ conversationId: first.conversationId, text: 'and now?', images: [] });
    await sink.end(third.streamId);
    const messages = lastBody()['messages'] as { role: string; content: unknown }[];
    // The failed (empty, errored) reply is not sent back.
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'user']);
    expect(messages[1]).toEqual({ role: 'assistant', content: 'Echo: what is this?' });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'and now?' });
  });
});
