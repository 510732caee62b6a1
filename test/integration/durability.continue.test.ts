import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTINUE_INSTRUCTION } from '../../electron/core/chat/requestBuilder.ts';
import { createChatHarness, errorCodeOf, type ChatHarness } from '../support/chatHarness.ts';

let h: ChatHarness;

beforeEach(async () => {
  h = await createChatHarness({ name: 'continue', token: 'sk-continue-test' });
});

afterEach(() => h.close());

/** A reply stopped by the user after its first chunk. */
async function stoppedReply(): Promise<{ conversationId: string; messageId: string }> {
  h.fake.enqueue({ kind: 'stream', chunks: ['Roses are red, ', 'violets are blue'], delayMs: 5, usage: { promptTokens: 10, completionTokens: 4 } });
  const gate = h.fake.hold();
  const sent = await h.chat.send({ text: 'A poem, please', images: [] });
  await h.events.waitFor((e) => e.streamId === sent.streamId && e.type === 'delta');
  h.chat.cancel(sent.streamId);
  await h.waitForEnd(sent.streamId);
  gate.release();
  return { conversationId: sent.conversationId, messageId: sent.assistantMessage.id };
}

describe('chat:continue', () => {
  it('streams the rest of a stopped reply into the same message, sending the partial text and an unsaved instruction', async () => {
    const { conversationId, messageId } = await stoppedReply();
    expect(h.store.getMessage(messageId)).toMatchObject({ status: 'stopped', content: 'Roses are red, ' });

    h.fake.enqueue({ kind: 'stream', chunks: ['violets ', 'are blue.'], delayMs: 5, usage: { promptTokens: 20, completionTokens: 3 } });
    const continued = await h.chat.continue({ messageId });
    expect(continued).toMatchObject({ conversationId, assistantMessage: { id: messageId, status: 'streaming', content: 'Roses are red, ' } });
    expect(h.store.getMessage(messageId)!.status).toBe('streaming');

    const end = await h.waitForEnd(continued.streamId);
    expect(end).toMatchObject({ type: 'done', status: 'complete', message: { id: messageId, content: 'Roses are red, violets are blue.' } });
    const deltas = h.events.chat.filter((e) => e.streamId === continued.streamId && e.type === 'delta').map((e) => (e.type === 'delta' ? e.text : ''));
    expect(deltas.join('')).toBe('violets are blue.');

    expect((h.fake.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'A poem, please' },
      { role: 'assistant', content: 'Roses are red, ' },
      { role: 'user', content: CONTINUE_INSTRUCTION },
    ]);
    const saved = h.store.getConversation(conversationId)!.messages;
    expect(saved.map((m) => [m.role, m.content])).toEqual([
      ['user', 'A poem, please'],
      ['assistant', 'Roses are red, violets are blue.'],
    ]);
    expect(saved[1]!.usage).toMatchObject({ promptTokens: 20, completionTokens: 3, totalTokens: 23 });

    // Continuing again (say, after a reply cut short by a length limit) adds up the usage.
    h.fake.enqueue({ kind: 'stream', chunks: [' The end.'], usage: { promptTokens: 30, completionTokens: 2 } });
    const again = await h.chat.continue({ messageId });
    expect(await h.waitForEnd(again.streamId)).toMatchObject({
      message: { content: 'Roses are red, violets are blue. The end.', usage: { promptTokens: 50, completionTokens: 5, totalTokens: 55 } },
    });
  });

  it('continues a failed reply with no text as a fresh answer to the same question', async () => {
    h.fake.enqueue({ kind: 'http-error', status: 500, error: { message: 'boom' } });
    const sent = await h.chat.send({ text: 'Try again later', images: [] });
    await h.waitForEnd(sent.streamId);
    expect(h.store.getMessage(sent.assistantMessage.id)).toMatchObject({ status: 'error', content: '' });

    const continued = await h.chat.continue({ messageId: sent.assistantMessage.id });
    const end = await h.waitForEnd(continued.streamId);
    expect(end).toMatchObject({ type: 'done', message: { content: 'Echo: Try again later', status: 'complete' } });
    expect(end.type === 'done' && end.message.error).toBeUndefined();
    expect((h.fake.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([{ role: 'user', content: 'Try again later' }]);
  });

  it('refuses what cannot be continued: unknown ids, user messages, earlier replies, a reply still streaming', async () => {
    const { conversationId, messageId } = await stoppedReply();
    const userMessageId = h.store.getConversation(conversationId)!.messages[0]!.id;
    expect(await errorCodeOf(h.chat.continue({ messageId: 'nope' }))).toBe('not_found_local');
    expect(await errorCodeOf(h.chat.continue({ messageId: userMessageId }))).toBe('invalid_input');

    const gate = h.fake.hold();
    const next = await h.chat.send({ conversationId, text: 'Another one', images: [] });
    expect(await errorCodeOf(h.chat.continue({ messageId }))).toBe('busy');
    expect(await errorCodeOf(h.chat.continue({ messageId: next.assistantMessage.id }))).toBe('busy');
    gate.release();
    await h.waitForEnd(next.streamId);
    expect(h.store.getMessage(messageId)).toMatchObject({ status: 'stopped', content: 'Roses are red, ' });
  });
});
