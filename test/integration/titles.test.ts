import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProxyAgents } from '../../electron/core/providers/proxyAgents.ts';
import { ConversationMeta } from '../../electron/core/store/conversationMeta.ts';
import { TITLE_INSTRUCTION, cleanTitle } from '../../electron/core/titles/titlePrompt.ts';
import { TitleService } from '../../electron/core/titles/TitleService.ts';
import { createChatHarness, type ChatHarness } from '../support/chatHarness.ts';

let h: ChatHarness;
let meta: ConversationMeta;
let titles: TitleService;
let agents: ProxyAgents;

beforeEach(async () => {
  agents = new ProxyAgents();
  h = await createChatHarness({
    name: 'titles',
    model: 'fake-echo',
    token: 'sk-titles',
    deps: ({ store, events }) => {
      meta = new ConversationMeta(store.db, events, (id) => store.getConversation(id));
      titles = new TitleService({ store, meta, agents });
      return { titles, agents };
    },
  });
});

afterEach(async () => {
  await h.close();
  await agents.close();
});

/** Sends, waits for the reply, then for any title request it led to. */
async function exchange(text: string, conversationId?: string): Promise<{ conversationId: string; replyId: string }> {
  const sent = await h.chat.send({ text, images: [], ...(conversationId ? { conversationId } : {}) });
  await h.waitForEnd(sent.streamId);
  // The title decision follows the reply's end within the same turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  await titles.whenIdle();
  return { conversationId: sent.conversationId, replyId: sent.assistantMessage.id };
}

const title = (id: string): string => h.store.getConversation(id)!.title;

describe('conversation titles', () => {
  it('asks for a title once, after the first exchange, and keeps it cleaned up', async () => {
    h.fake.enqueueTitle({ kind: 'json', content: '**"Rock pools: tiny worlds."**\n\nI hope that helps!' });
    const { conversationId } = await exchange('Tell me about the creatures living in rock pools at low tide');
    expect(title(conversationId)).toBe('Rock pools: tiny worlds');
    expect(h.events.changed.filter((id) => id === conversationId).length).toBeGreaterThan(0);

    expect(h.fake.titleRequests).toHaveLength(1);
    const body = h.fake.titleRequests[0]!.body as { model: string; stream: boolean; messages: { role: string; content: string }[] };
    expect(body).toMatchObject({ model: 'fake-echo', stream: false });
    expect(body.messages[0]).toEqual({ role: 'system', content: TITLE_INSTRUCTION });
    expect(body.messages[1]!.content).toContain('User: Tell me about the creatures living in rock pools at low tide');
    expect(body.messages[1]!.content).toContain('Assistant: Echo: Tell me about');
    // The chat's own requests are unaffected: one per message.
    expect(h.fake.requests).toHaveLength(1);

    await exchange('And what eats them?', conversationId);
    expect(h.fake.titleRequests).toHaveLength(1);
    expect(title(conversationId)).toBe('Rock pools: tiny worlds');
  });

  it('falls back to the first words when the title request fails or answers no title', async () => {
    h.fake.enqueueTitle({ kind: 'http-error', status: 500, error: { message: 'title service down' } });
    const failed = await exchange('How do I repot a cactus without getting hurt');
    expect(title(failed.conversationId)).toBe('How do I repot a cactus…');
    expect(h.events.ends()).toHaveLength(1);
    expect(h.events.ends()[0]).toMatchObject({ type: 'done', status: 'complete' });

    h.fake.enqueueTitle({ kind: 'json', content: 'Well, this conversation is about many things and I could not possibly say which' });
    const rambling = await exchange('Short question');
    expect(title(rambling.conversationId)).toBe('Short question');
    expect(h.fake.titleRequests).toHaveLength(2);
  });

  it('never replaces a title the user chose, before or after one was generated', async () => {
    const gate = h.fake.hold();
    const sent = await h.chat.send({ text: 'Planning a garden for a shady yard', images: [] });
    meta.rename(sent.conversationId, 'My garden');
    gate.release();
    await h.waitForEnd(sent.streamId);
    await new Promise((resolve) => setImmediate(resolve));
    await titles.whenIdle();
    expect(h.fake.titleRequests).toHaveLength(0);
    expect(title(sent.conversationId)).toBe('My garden');

    const given = h.store.createConversation('Named from the start');
    await exchange('Hello there', given.id);
    expect(h.fake.titleRequests).toHaveLength(0);
    expect(title(given.id)).toBe('Named from the start');

    const generated = await exchange('What is a haiku');
    expect(title(generated.conversationId)).toBe('What is a haiku');
    meta.rename(generated.conversationId, 'Poetry');
    // A second version of the first reply is a first exchange again, but the name stays.
    const again = await h.chat.regenerate({ messageId: generated.replyId });
    await h.waitForEnd(again.streamId);
    await new Promise((resolve) => setImmediate(resolve));
    await titles.whenIdle();
    expect(h.fake.titleRequests).toHaveLength(1);
    expect(title(generated.conversationId)).toBe('Poetry');
  });

  it('does not hold up the chat or shutting down while a title request hangs', async () => {
    h.fake.enqueueTitle({ kind: 'hang' });
    const sent = await h.chat.send({ text: 'First message', images: [] });
    await h.waitForEnd(sent.streamId);
    for (let i = 0; h.fake.titleRequests.length === 0; i++) {
      if (i > 500) throw new Error('no title request arrived');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const next = await h.chat.send({ conversationId: sent.conversationId, text: 'Second message', images: [] });
    expect(await h.waitForEnd(next.streamId)).toMatchObject({ type: 'done', status: 'complete' });
    expect(h.fake.titleRequests).toHaveLength(1);
    await h.chat.shutdown();
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
