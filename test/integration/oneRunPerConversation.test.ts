// Finding 5 (one reply at a time per conversation, enforced in main) and the main-side half of
// finding 6 (deltas carry their offset; conversations:get carries the live text of a running reply).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../shared/contract/chat.ts';
import type { Conversation } from '../../shared/domain.ts';
import { AppErrorException } from '../../shared/errors.ts';
import { createChatHarness, openServices, type ChatHarness } from '../support/chatHarness.ts';
import { lastUserText, startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppErrorException ? error.error.code : `thrown: ${(error as Error).message}`;
  }
}

describe('one reply at a time per conversation', () => {
  let h: ChatHarness;
  beforeEach(async () => {
    h = await createChatHarness({ name: 'one-run' });
  });
  afterEach(async () => h.close());

  it('refuses a send, edit, regenerate or continue while a reply streams there; other conversations go on', async () => {
    const first = await h.chat.send({ text: 'Question one', images: [] });
    await h.waitForEnd(first.streamId);
    const gate = h.fake.hold();
    const running = await h.chat.send({ conversationId: first.conversationId, text: 'Question two', images: [] });

    const refusals = await Promise.all([
      codeOf(h.chat.send({ conversationId: first.conversationId, text: 'Question three', images: [] })),
      codeOf(h.chat.edit({ messageId: first.userMessage.id, text: 'Question one, changed' })),
      codeOf(h.chat.regenerate({ messageId: first.assistantMessage.id })),
      codeOf(h.chat.continue({ messageId: first.assistantMessage.id })),
    ]);
    expect(refusals).toEqual(['busy', 'busy', 'busy', 'busy']);
    // Another conversation is not held up.
    const elsewhere = await h.chat.send({ text: 'Something else', images: [] });

    gate.release();
    await h.waitForEnd(running.streamId);
    await h.waitForEnd(elsewhere.streamId);
    // None of the refused calls reached the provider.
    expect(h.fake.requests.map((r) => lastUserText(r.body)).sort()).toEqual(['Question one', 'Question two', 'Something else']);
    // Free again once the reply ended, and the provider sees the whole path.
    const after = await h.chat.send({ conversationId: first.conversationId, text: 'Question three', images: [] });
    await h.waitForEnd(after.streamId);
    const sent = h.fake.requests.at(-1)!.body as { messages: Array<{ role: string }> };
    expect(sent.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
  });

  it('lets only one of two sends racing each other through (two windows at once)', async () => {
    const first = await h.chat.send({ text: 'Start', images: [] });
    await h.waitForEnd(first.streamId);
    const [a, b] = await Promise.all([
      codeOf(h.chat.send({ conversationId: first.conversationId, text: 'From the main window', images: [] })),
      codeOf(h.chat.send({ conversationId: first.conversationId, text: 'From the quick prompt', images: [] })),
    ]);
    expect([a, b].sort()).toEqual(['busy', 'ok']);
    const conversation = h.store.getConversation(first.conversationId)!;
    expect(conversation.messages.filter((m) => m.role === 'user')).toHaveLength(2);
  });
});

describe('offsets and live text (through dispatch)', () => {
  let dataDir: string;
  let fake: FakeProvider;
  beforeEach(async () => {
    dataDir = makeTempDir('live-text');
    fake = await startFakeProvider();
  });
  afterEach(async () => {
    await fake.close();
    removeTempDir(dataDir);
  });

  it('gives each delta its offset in the reply and answers conversations:get with the text sent so far', async () => {
    const h = await openServices({ dataDir, env: { PARLEY_API_BASE_URL: fake.baseUrl, PARLEY_API_TOKEN: 'sk-test' } });
    try {
      const chunks = ['The quick ', 'brown fox ', 'jumps over ', 'the lazy dog.'];
      fake.enqueue({ kind: 'stream', chunks, delayMs: 5 });
      const gate = fake.hold(); // pauses after the first chunk
      const result = await h.services.dispatch('chat:send', { text: 'Tell me', images: [] });
      if (!result.ok) throw new Error(result.error.message);
      const { conversationId, streamId, assistantMessage } = result.value as { conversationId: string; streamId: string; assistantMessage: { id: string } };
      await h.events.waitFor((e) => e.type === 'delta' && e.streamId === streamId);
      const got = await h.services.dispatch('conversations:get', { id: conversationId });
      if (!got.ok) throw new Error(got.error.message);
      const live = (got.value as Conversation).messages.find((m) => m.id === assistantMessage.id)!;
      // The database commits at most every 250 ms; the live text is what the window has been sent.
      expect(live.status).toBe('streaming');
      expect(live.content).toBe('The quick ');
      gate.release();
      await h.events.end(streamId);
      const deltas = h.events.chat.filter((e): e is Extract<ChatEvent, { type: 'delta' }> => e.type === 'delta' && e.streamId === streamId);
      let expected = 0;
      for (const delta of deltas) {
        expect(delta.offset).toBe(expected);
        expected += delta.text.length;
      }
      expect(deltas.map((d) => d.text).join('')).toBe(chunks.join(''));
    } finally {
      await h.services.close();
    }
  });
});
