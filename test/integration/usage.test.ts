import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { createChatHarness, type ChatHarness } from '../support/chatHarness.ts';

let h: ChatHarness;

beforeEach(async () => {
  h = await createChatHarness({ name: 'usage', token: 'sk-usage' });
});

afterEach(() => h.close());

describe('time to first token', () => {
  it('is measured from the request to the first text, and saved with the reply', async () => {
    // An empty first chunk, then the text 150 ms later: the first token cannot come sooner.
    h.fake.enqueue({ kind: 'stream', chunks: ['', 'Late ', 'answer.'], delayMs: 150 });
    const started = performance.now();
    const sent = await h.chat.send({ text: 'Take your time', images: [] });
    const end = await h.waitForEnd(sent.streamId);
    const elapsed = performance.now() - started;
    expect(end.type).toBe('done');
    const ttft = end.type === 'done' ? end.message.timeToFirstTokenMs : undefined;
    expect(Number.isInteger(ttft)).toBe(true);
    expect(ttft!).toBeGreaterThanOrEqual(140);
    expect(ttft!).toBeLessThanOrEqual(elapsed);

    h.store.close();
    h.store = ConversationStore.open(h.dbPath);
    expect(h.store.getMessage(sent.assistantMessage.id)!.timeToFirstTokenMs).toBe(ttft);
  });

  it('is recorded for a reply that is not streamed, and absent for one that failed before any text', async () => {
    h.config = { ...h.config, stream: false };
    const whole = await h.chat.send({ text: 'All at once', images: [] });
    const end = await h.waitForEnd(whole.streamId);
    expect(end.type === 'done' && end.message.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);

    h.fake.enqueue({ kind: 'http-error', status: 500, error: { message: 'boom' } });
    const failed = await h.chat.send({ text: 'Fail', images: [] });
    await h.waitForEnd(failed.streamId);
    expect(h.store.getMessage(failed.assistantMessage.id)!.timeToFirstTokenMs).toBeUndefined();
  });
});

describe('conversation totals', () => {
  it('add up every reply, hidden versions included', async () => {
    h.fake.enqueue({ kind: 'stream', chunks: ['One.'], usage: { promptTokens: 10, completionTokens: 2, reasoningTokens: 1, cachedTokens: 0 } });
    const first = await h.chat.send({ text: 'Count', images: [] });
    await h.waitForEnd(first.streamId);
    h.fake.enqueue({ kind: 'stream', chunks: ['Two.'], usage: { promptTokens: 20, completionTokens: 3, reasoningTokens: 0, cachedTokens: 8 } });
    const second = await h.chat.send({ conversationId: first.conversationId, text: 'More', images: [] });
    await h.waitForEnd(second.streamId);
    h.fake.enqueue({ kind: 'stream', chunks: ['Deux.'], usage: { promptTokens: 20, completionTokens: 4, reasoningTokens: 2, cachedTokens: 16 } });
    const again = await h.chat.regenerate({ messageId: second.assistantMessage.id });
    await h.waitForEnd(again.streamId);

    const conversation = h.store.getConversation(first.conversationId)!;
    expect(conversation.messages.map((m) => m.usage?.totalTokens)).toEqual([undefined, 12, undefined, 24]);
    expect(conversation.totals).toEqual({ promptTokens: 50, completionTokens: 9, totalTokens: 59, reasoningTokens: 3, cachedTokens: 24 });
  });
});
