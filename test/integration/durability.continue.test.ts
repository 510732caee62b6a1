import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../shared/contract/chat.ts';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import { AppErrorException } from '../../shared/errors.ts';
import { ChatService } from '../../electron/core/chat/ChatService.ts';
import { CONTINUE_INSTRUCTION } from '../../electron/core/chat/requestBuilder.ts';
import type { EventSink } from '../../electron/core/ports.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

class Sink implements EventSink {
  readonly chat: ChatEvent[] = [];
  readonly #wakers = new Set<() => void>();
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    if (channel === 'chat:event') this.chat.push(payload as ChatEvent);
    for (const wake of this.#wakers) wake();
  }
  waitFor(match: (e: ChatEvent) => boolean): Promise<ChatEvent> {
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.chat.find(match);
        if (!found) return;
        this.#wakers.delete(check);
        resolve(found);
      };
      this.#wakers.add(check);
      check();
    });
  }
  end(streamId: string): Promise<ChatEvent> {
    return this.waitFor((e) => e.streamId === streamId && (e.type === 'done' || e.type === 'error'));
  }
}

let dir: string;
let store: ConversationStore;
let provider: FakeProvider;
let sink: Sink;
let chat: ChatService;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-continue-'));
  store = ConversationStore.open(path.join(dir, 'parley.db'));
  provider = await startFakeProvider();
  sink = new Sink();
  const config = { baseUrl: provider.baseUrl, model: 'gpt-5.2', stream: true, token: 'sk-continue-test' };
  chat = new ChatService({ store, events: sink, getConfig: async () => config });
});

afterEach(async () => {
  await chat.shutdown();
  await provider.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppErrorException) return err.error.code;
    throw err;
  }
  return 'no error';
}

/** A reply stopped by the user after its first chunk. */
async function stoppedReply(): Promise<{ conversationId: string; messageId: string }> {
  provider.enqueue({ kind: 'stream', chunks: ['Roses are red, ', 'violets are blue'], delayMs: 5, usage: { promptTokens: 10, completionTokens: 4 } });
  const gate = provider.hold();
  const sent = await chat.send({ text: 'A poem, please', images: [] });
  await sink.waitFor((e) => e.streamId === sent.streamId && e.type === 'delta');
  chat.cancel(sent.streamId);
  await sink.end(sent.streamId);
  gate.release();
  return { conversationId: sent.conversationId, messageId: sent.assistantMessage.id };
}

describe('chat:continue', () => {
  it('streams the rest of a stopped reply into the same message, sending the partial text and an unsaved instruction', async () => {
    const { conversationId, messageId } = await stoppedReply();
    expect(store.getMessage(messageId)).toMatchObject({ status: 'stopped', content: 'Roses are red, ' });

    provider.enqueue({ kind: 'stream', chunks: ['violets ', 'are blue.'], delayMs: 5, usage: { promptTokens: 20, completionTokens: 3 } });
    const continued = await chat.continue({ messageId });
    expect(continued).toMatchObject({ conversationId, assistantMessage: { id: messageId, status: 'streaming', content: 'Roses are red, ' } });
    expect(store.getMessage(messageId)!.status).toBe('streaming');

    const end = await sink.end(continued.streamId);
    expect(end).toMatchObject({ type: 'done', status: 'complete', message: { id: messageId, content: 'Roses are red, violets are blue.' } });
    const deltas = sink.chat.filter((e) => e.streamId === continued.streamId && e.type === 'delta').map((e) => (e.type === 'delta' ? e.text : ''));
    expect(deltas.join('')).toBe('violets are blue.');

    expect((provider.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'A poem, please' },
      { role: 'assistant', content: 'Roses are red, ' },
      { role: 'user', content: CONTINUE_INSTRUCTION },
    ]);
    const saved = store.getConversation(conversationId)!.messages;
    expect(saved.map((m) => [m.role, m.content])).toEqual([
      ['user', 'A poem, please'],
      ['assistant', 'Roses are red, violets are blue.'],
    ]);
    expect(saved[1]!.usage).toMatchObject({ promptTokens: 20, completionTokens: 3, totalTokens: 23 });

    // Continuing again (say, after a reply cut short by a length limit) adds up the usage.
    provider.enqueue({ kind: 'stream', chunks: [' The end.'], usage: { promptTokens: 30, completionTokens: 2 } });
    const again = await chat.continue({ messageId });
    expect(await sink.end(again.streamId)).toMatchObject({
      message: { content: 'Roses are red, violets are blue. The end.', usage: { promptTokens: 50, completionTokens: 5, totalTokens: 55 } },
    });
  });

  it('continues a failed reply with no text as a fresh answer to the same question', async () => {
    provider.enqueue({ kind: 'http-error', status: 500, error: { message: 'boom' } });
    const sent = await chat.send({ text: 'Try again later', images: [] });
    await sink.end(sent.streamId);
    expect(store.getMessage(sent.assistantMessage.id)).toMatchObject({ status: 'error', content: '' });

    const continued = await chat.continue({ messageId: sent.assistantMessage.id });
    const end = await sink.end(continued.streamId);
    expect(end).toMatchObject({ type: 'done', message: { content: 'Echo: Try again later', status: 'complete' } });
    expect(end.type === 'done' && end.message.error).toBeUndefined();
    expect((provider.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([{ role: 'user', content: 'Try again later' }]);
  });

  it('refuses what cannot be continued: unknown ids, user messages, earlier replies, a reply still streaming', async () => {
    const { conversationId, messageId } = await stoppedReply();
    const userMessageId = store.getConversation(conversationId)!.messages[0]!.id;
    expect(await codeOf(chat.continue({ messageId: 'nope' }))).toBe('not_found_local');
    expect(await codeOf(chat.continue({ messageId: userMessageId }))).toBe('invalid_input');

    const gate = provider.hold();
    const next = await chat.send({ conversationId, text: 'Another one', images: [] });
    expect(await codeOf(chat.continue({ messageId }))).toBe('invalid_input');
    expect(await codeOf(chat.continue({ messageId: next.assistantMessage.id }))).toBe('invalid_input');
    gate.release();
    await sink.end(next.streamId);
    expect(store.getMessage(messageId)).toMatchObject({ status: 'stopped', content: 'Roses are red, ' });
  });
});
