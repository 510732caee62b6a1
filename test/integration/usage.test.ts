import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../shared/contract/chat.ts';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import { ChatService } from '../../electron/core/chat/ChatService.ts';
import type { ChatConfig, EventSink } from '../../electron/core/ports.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

class Sink implements EventSink {
  readonly ends = new Map<string, ChatEvent>();
  readonly #wakers = new Set<() => void>();
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    const event = payload as ChatEvent;
    if (channel === 'chat:event' && (event.type === 'done' || event.type === 'error')) this.ends.set(event.streamId, event);
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
let dbPath: string;
let store: ConversationStore;
let provider: FakeProvider;
let sink: Sink;
let config: ChatConfig;
let chat: ChatService;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-usage-'));
  dbPath = path.join(dir, 'parley.db');
  store = ConversationStore.open(dbPath);
  provider = await startFakeProvider();
  sink = new Sink();
  config = { baseUrl: provider.baseUrl, model: 'gpt-5.2', stream: true, token: 'sk-usage' };
  chat = new ChatService({ store, events: sink, getConfig: async () => config });
});

afterEach(async () => {
  await chat.shutdown();
  await provider.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('time to first token', () => {
  it('is measured from the request to the first text, and saved with the reply', async () => {
    // An empty first chunk, then the text 150 ms later: the first token cannot come sooner.
    provider.enqueue({ kind: 'stream', chunks: ['', 'Late ', 'answer.'], delayMs: 150 });
    const started = performance.now();
    const sent = await chat.send({ text: 'Take your time', images: [] });
    const end = await sink.end(sent.streamId);
    const elapsed = performance.now() - started;
    expect(end.type).toBe('done');
    const ttft = end.type === 'done' ? end.message.timeToFirstTokenMs : undefined;
    expect(Number.isInteger(ttft)).toBe(true);
    expect(ttft!).toBeGreaterThanOrEqual(140);
    expect(ttft!).toBeLessThanOrEqual(elapsed);

    store.close();
    store = ConversationStore.open(dbPath);
    expect(store.getMessage(sent.assistantMessage.id)!.timeToFirstTokenMs).toBe(ttft);
  });

  it('is recorded for a reply that is not streamed, and absent for one that failed before any text', async () => {
    config = { ...config, stream: false };
    const whole = await chat.send({ text: 'All at once', images: [] });
    const end = await sink.end(whole.streamId);
    expect(end.type === 'done' && end.message.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);

    provider.enqueue({ kind: 'http-error', status: 500, error: { message: 'boom' } });
    const failed = await chat.send({ text: 'Fail', images: [] });
    await sink.end(failed.streamId);
    expect(store.getMessage(failed.assistantMessage.id)!.timeToFirstTokenMs).toBeUndefined();
  });
});

describe('conversation totals', () => {
  it('add up every reply, hidden versions included', async () => {
    provider.enqueue({ kind: 'stream', chunks: ['One.'], usage: { promptTokens: 10, completionTokens: 2, reasoningTokens: 1, cachedTokens: 0 } });
    const first = await chat.send({ text: 'Count', images: [] });
    await sink.end(first.streamId);
    provider.enqueue({ kind: 'stream', chunks: ['Two.'], usage: { promptTokens: 20, completionTokens: 3, reasoningTokens: 0, cachedTokens: 8 } });
    const second = await chat.send({ conversationId: first.conversationId, text: 'More', images: [] });
    await sink.end(second.streamId);
    provider.enqueue({ kind: 'stream', chunks: ['Deux.'], usage: { promptTokens: 20, completionTokens: 4, reasoningTokens: 2, cachedTokens: 16 } });
    const again = await chat.regenerate({ messageId: second.assistantMessage.id });
    await sink.end(again.streamId);

    const conversation = store.getConversation(first.conversationId)!;
    expect(conversation.messages.map((m) => m.usage?.totalTokens)).toEqual([undefined, 12, undefined, 24]);
    expect(conversation.totals).toEqual({ promptTokens: 50, completionTokens: 9, totalTokens: 59, reasoningTokens: 3, cachedTokens: 24 });
  });
});
