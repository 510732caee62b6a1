import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chatHarness.ts';

const TOKEN = 'sk-test-token-1234567890';

let h: ChatHarness;

beforeEach(async () => {
  h = await createChatHarness({ name: 'chat', token: TOKEN });
});

afterEach(() => h.close());
function lastBody(): Record<string, unknown> {
  return h.fake.requests.at(-1)!.body as Record<string, unknown>;
}

describe('ChatService streaming', () => {
  it('streams a reply end to end: events in order, saved with usage, sent with the token and sampling', async () => {
    h.config = { ...h.config, temperature: 0.7, topP: 0.9, topK: 40 };
    const sent = await h.chat.send({ text: 'hello there', images: [] });
    expect(sent.userMessage).toMatchObject({ role: 'user', content: 'hello there', status: 'complete' });
    expect(sent.assistantMessage).toMatchObject({ role: 'assistant', content: '', status: 'streaming', model: 'gpt-5.2' });
    expect(h.store.listConversations().map((c) => c.id)).toEqual([sent.conversationId]);

    const end = await h.waitForEnd(sent.streamId);
    const events = h.events.of(sent.streamId);
    const types = events.map((e) => e.type);
    expect(types.at(-1)).toBe('done');
    expect(types.at(-2)).toBe('usage');
    expect(types.slice(0, -2).every((t) => t === 'delta')).toBe(true);
    const text = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
    expect(text).toBe('Echo: hello there');
    for (const e of events) expect(e).toMatchObject({ conversationId: sent.conversationId, messageId: sent.assistantMessage.id });

    const usage = { promptTokens: 12, completionTokens: 7, totalTokens: 19, reasoningTokens: 3, cachedTokens: 4 };
    expect(end).toMatchObject({ type: 'done', status: 'complete', message: { content: text, status: 'complete', usage } });
    const saved = h.store.getConversation(sent.conversationId)!;
    expect(saved.title).toBe('hello there');
    expect(saved.messages.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'complete', 'hello there'],
      ['assistant', 'complete', 'Echo: hello there'],
    ]);
    expect(saved.messages[1]!.usage).toEqual(usage);
    expect(h.events.changed).toContain(sent.conversationId);

    const request = h.fake.requests[0]!;
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
    const sent = await h.chat.send({ text: 'plain', images: [] });
    await h.waitForEnd(sent.streamId);
    const body = lastBody();
    expect(body).not.toHaveProperty('top_k');
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
  });

  it('has the reply in the database while it is still streaming', async () => {
    h.fake.enqueue({ kind: 'stream', chunks: ['first part, ', 'second part'], delayMs: 5 });
    const gate = h.fake.hold();
    const sent = await h.chat.send({ text: 'go', images: [] });
    await h.events.waitFor((e) => e.streamId === sent.streamId && e.type === 'delta');

    const other = new DatabaseSync(h.dbPath, { readOnly: true });
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
    expect(h.store.getConversation(sent.conversationId)!.messages[1]).toMatchObject({ status: 'streaming', content: 'first part, ' });

    gate.release();
    expect(await h.waitForEnd(sent.streamId)).toMatchObject({ type: 'done', message: { content: 'first part, second part' } });
  });

  it('cancel keeps the partial reply as stopped', async () => {
    h.fake.enqueue({ kind: 'stream', chunks: ['partial ', 'never sent'], delayMs: 5 });
    const gate = h.fake.hold();
    const sent = await h.chat.send({ text: 'stop me', images: [] });
    await h.events.waitFor((e) => e.streamId === sent.streamId && e.type === 'delta');

    expect(h.chat.cancel(sent.streamId)).toBe(true);
    const end = await h.waitForEnd(sent.streamId);
    gate.release();
    expect(end).toMatchObject({ type: 'done', status: 'stopped', message: { status: 'stopped', content: 'partial ' } });
    expect(h.store.getConversation(sent.conversationId)!.messages[1]).toMatchObject({ status: 'stopped', content: 'partial ' });
    expect(h.chat.cancel(sent.streamId)).toBe(false);
    expect(h.chat.cancel('no-such-stream')).toBe(false);
  });

  it('shutdown stops every stream and waits until each is saved', async () => {
    const gate = h.fake.hold();
    const first = await h.chat.send({ text: 'one', images: [] });
    const second = await h.chat.send({ text: 'two', images: [] });
    await h.events.waitFor((e) => e.streamId === first.streamId && e.type === 'delta');
    await h.events.waitFor((e) => e.streamId === second.streamId && e.type === 'delta');

    await h.chat.shutdown();
    gate.release();
    for (const sent of [first, second]) {
      const reply = h.store.getConversation(sent.conversationId)!.messages[1]!;
      expect(reply.status).toBe('stopped');
      expect(reply.content.length).toBeGreaterThan(0);
    }
    await expect(h.chat.send({ text: 'after', images: [] })).rejects.toThrow(/shutting down/);
  });

  it('non-streaming mode saves the whole reply at once, then sends the same events', async () => {
    h.config = { ...h.config, stream: false };
    const sent = await h.chat.send({ text: 'all at once', images: [] });
    const end = await h.waitForEnd(sent.streamId);
    expect(lastBody()['stream']).toBe(false);
    expect(lastBody()).not.toHaveProperty('stream_options');
    expect(h.events.of(sent.streamId).map((e) => e.type)).toEqual(['delta', 'usage', 'done']);
    expect(end).toMatchObject({ status: 'complete', message: { content: 'Echo: all at once', usage: { totalTokens: 19 } } });
  });

  it('sends images as image_url parts and replays the conversation so far', async () => {
    const image = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', name: 'dot.png' };
    const first = await h.chat.send({ text: 'what is this?', images: [image] });
    await h.waitForEnd(first.streamId);
    expect(lastBody()['messages']).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'what is this?' },
          { type: 'image_url', image_url: { url: image.dataUrl } },
        ],
      },
    ]);
    // Stored once by hash and referenced; the provider still got the data URL above.
    expect(first.userMessage.images).toEqual([expect.objectContaining({ name: 'dot.png', mimeType: 'image/png', bytes: 8, url: expect.stringMatching(/^parley-image:\/\/image\/[0-9a-f]{64}$/) })]);

    h.fake.enqueue({ kind: 'http-error', status: 500, error: { message: 'boom' } });
    const failed = await h.chat.send({ conversationId: first.conversationId, text: 'again', images: [] });
    await h.waitForEnd(failed.streamId);
    const third = await h.chat.send({ conversationId: first.conversationId, text: 'and now?', images: [] });
    await h.waitForEnd(third.streamId);
    const messages = lastBody()['messages'] as { role: string; content: unknown }[];
    // The failed (empty, errored) reply is not sent back.
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'user']);
    expect(messages[1]).toEqual({ role: 'assistant', content: 'Echo: what is this?' });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'and now?' });
  });
});
