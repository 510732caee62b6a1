import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../shared/contract/chat.ts';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import { ChatService } from '../../electron/core/chat/ChatService.ts';
import type { ChatConfig, EventSink } from '../../electron/core/ports.ts';
import { ProxyAgents } from '../../electron/core/providers/proxyAgents.ts';
import { ConversationMeta } from '../../electron/core/store/conversationMeta.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { TITLE_INSTRUCTION, cleanTitle } from '../../electron/core/titles/titlePrompt.ts';
import { TitleService } from '../../electron/core/titles/TitleService.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

class Sink implements EventSink {
  readonly ends = new Map<string, ChatEvent>();
  readonly changed: (string | undefined)[] = [];
  readonly #wakers = new Set<() => void>();
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    const event = payload as ChatEvent;
    if (channel === 'chat:event' && (event.type === 'done' || event.type === 'error')) this.ends.set(event.streamId, event);
    if (channel === 'conversations:changed') this.changed.push((payload as { conversationId?: string }).conversationId);
    for (const wake of this.#wakers) wake();
  }
  end(streamId: string): Promise<ChatEvent> {
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.ends.get(streamId);
        if (!found) return;
        this.#wakers.delete(check);
        resolve(found);
      };
      this.#wakers.add(check);
      check();
    });
  }
}

let dir: string;
let store: ConversationStore;
let meta: ConversationMeta;
let provider: FakeProvider;
let sink: Sink;
let titles: TitleService;
let chat: ChatService;
let agents: ProxyAgents;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-titles-'));
  store = ConversationStore.open(path.join(dir, 'parley.db'));
  provider = await startFakeProvider();
  sink = new Sink();
  agents = new ProxyAgents();
  meta = new ConversationMeta(store.db, sink, (id) => store.getConversation(id));
  titles = new TitleService({ store, meta, agents });
  const config: ChatConfig = { baseUrl: provider.baseUrl, model: 'fake-echo', stream: true, token: 'sk-titles' };
  chat = new ChatService({ store, events: sink, titles, agents, getConfig: async () => config });
});

afterEach(async () => {
  await chat.shutdown();
  await agents.close();
  await provider.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends, waits for the reply, then for any title request it led to. */
async function exchange(text: string, conversationId?: string): Promise<{ conversationId: string; replyId: string }> {
  const sent = await chat.send({ text, images: [], ...(conversationId ? { conversationId } : {}) });
  await sink.end(sent.streamId);
  // The title decision follows the reply's end within the same turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  await titles.whenIdle();
  return { conversationId: sent.conversationId, replyId: sent.assistantMessage.id };
}

const title = (id: string): string => store.getConversation(id)!.title;

describe('conversation titles', () => {
  it('asks for a title once, after the first exchange, and keeps it cleaned up', async () => {
    provider.enqueueTitle({ kind: 'json', content: '**"Rock pools: tiny worlds."**\n\nI hope that helps!' });
    const { conversationId } = await exchange('Tell me about the creatures living in rock pools at low tide');
    expect(title(conversationId)).toBe('Rock pools: tiny worlds');
    expect(sink.changed.filter((id) => id === conversationId).length).toBeGreaterThan(0);

    expect(provider.titleRequests).toHaveLength(1);
    const body = provider.titleRequests[0]!.body as { model: string; stream: boolean; messages: { role: string; content: string }[] };
    expect(body).toMatchObject({ model: 'fake-echo', stream: false });
    expect(body.messages[0]).toEqual({ role: 'system', content: TITLE_INSTRUCTION });
    expect(body.messages[1]!.content).toContain('User: Tell me about the creatures living in rock pools at low tide');
    expect(body.messages[1]!.content).toContain('Assistant: Echo: Tell me about');
    // The chat's own requests are unaffected: one per message.
    expect(provider.requests).toHaveLength(1);

    await exchange('And what eats them?', conversationId);
    expect(provider.titleRequests).toHaveLength(1);
    expect(title(conversationId)).toBe('Rock pools: tiny worlds');
  });

  it('falls back to the first words when the title request fails or answers no title', async () => {
    provider.enqueueTitle({ kind: 'http-error', status: 500, error: { message: 'title service down' } });
    const failed = await exchange('How do I repot a cactus without getting hurt');
    expect(title(failed.conversationId)).toBe('How do I repot a cactus…');
    expect(sink.ends.size).toBe(1);
    expect([...sink.ends.values()][0]).toMatchObject({ type: 'done', status: 'complete' });

    provider.enqueueTitle({ kind: 'json', content: 'Well, this conversation is about many things and I could not possibly say which' });
    const rambling = await exchange('Short question');
    expect(title(rambling.conversationId)).toBe('Short question');
    expect(provider.titleRequests).toHaveLength(2);
  });

  it('never replaces a title the user chose, before or after one was generated', async () => {
    const gate = provider.hold();
    const sent = await chat.send({ text: 'Planning a garden for a shady yard', images: [] });
    meta.rename(sent.conversationId, 'My garden');
    gate.release();
    await sink.end(sent.streamId);
    await new Promise((resolve) => setImmediate(resolve));
    await titles.whenIdle();
    expect(provider.titleRequests).toHaveLength(0);
    expect(title(sent.conversationId)).toBe('My garden');

    const given = store.createConversation('Named from the start');
    await exchange('Hello there', given.id);
    expect(provider.titleRequests).toHaveLength(0);
    expect(title(given.id)).toBe('Named from the start');

    const generated = await exchange('What is a haiku');
    expect(title(generated.conversationId)).toBe('What is a haiku');
    meta.rename(generated.conversationId, 'Poetry');
    // A second version of the first reply is a first exchange again, but the name stays.
    const again = await chat.regenerate({ messageId: generated.replyId });
    await sink.end(again.streamId);
    await new Promise((resolve) => setImmediate(resolve));
    await titles.whenIdle();
    expect(provider.titleRequests).toHaveLength(1);
    expect(title(generated.conversationId)).toBe('Poetry');
  });

  it('does not hold up the chat or shutting down while a title request hangs', async () => {
    provider.enqueueTitle({ kind: 'hang' });
    const sent = await chat.send({ text: 'First message', images: [] });
    await sink.end(sent.streamId);
    for (let i = 0; provider.titleRequests.length === 0; i++) {
      if (i > 500) throw new Error('no title request arrived');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const next = await chat.send({ conversationId: sent.conversationId, text: 'Second message', images: [] });
    expect(await sink.end(next.streamId)).toMatchObject({ type: 'done', status: 'complete' });
    expect(provider.titleRequests).toHaveLength(1);
    await chat.shutdown();
    expect(title(sent.conversationId)).toBe('First message');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['"Planning a garden."', 'Planning a garden'],
    ['Title: **Fixing a Bike!**', 'Fixing a Bike'],
    ['<think>hmm</think>\n  “Tide pools explained” \nmore text', 'Tide pools explained'],
    ['one two three four five six seven eight', 'one two three four five six'],
    ['「東京の天気」', '東京の天気'],
    ['- A bulleted title -', 'A bulleted title'],
  ])('%j becomes %j', (raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected);
  });

  it.each(['', '   \n ', '"…"', 'a b c d e f g h i j k l m n o p'])('%j is no title', (raw) => {
    expect(cleanTitle(raw)).toBeUndefined();
  });
});
