import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain.ts';
import { SearchService } from '../../electron/core/search/SearchService.ts';
import { ConversationMeta } from '../../electron/core/store/conversationMeta.ts';
import { createChatHarness, errorCodeOf, type ChatHarness } from '../support/chatHarness.ts';

// Edit and Regenerate keep earlier versions as siblings; the provider always sees the path on screen.

let h: ChatHarness;
let meta: ConversationMeta;

beforeEach(async () => {
  h = await createChatHarness({
    name: 'branches',
    token: 'sk-branches',
    deps: ({ store, events }) => {
      meta = new ConversationMeta(store.db, events, (id) => store.getConversation(id));
      return {};
    },
  });
});

afterEach(() => h.close());

type Sent = { conversationId: string; userMessage: Message; assistantMessage: Message; streamId: string };

async function finished(sent: Promise<Sent>): Promise<Sent> {
  const result = await sent;
  await h.waitForEnd(result.streamId);
  return result;
}

/** What the last request carried: [role, text] per message. */
function lastRequest(): [string, string][] {
  const body = h.fake.requests.at(-1)!.body as { messages: { role: string; content: unknown }[] };
  return body.messages.map((m) => [m.role, typeof m.content === 'string' ? m.content : JSON.stringify(m.content)]);
}

function onScreen(conversationId: string): [string, string, string][] {
  return h.store.getConversation(conversationId)!.messages.map((m) => [m.role, m.content, `${m.siblingIndex}/${m.siblingCount}`]);
}

describe('Regenerate', () => {
  it('adds a new version of a reply from the same history, and previous versions can be shown again', async () => {
    const first = await finished(h.chat.send({ text: 'Name a colour', images: [] }));
    const second = await finished(h.chat.send({ conversationId: first.conversationId, text: 'And a fruit?', images: [] }));
    const before = lastRequest();

    h.fake.enqueue({ kind: 'stream', chunks: ['Banana.'] });
    const again = await finished(h.chat.regenerate({ messageId: second.assistantMessage.id }));
    expect(again.userMessage.id).toBe(second.userMessage.id);
    expect(again.assistantMessage).toMatchObject({ parentId: second.userMessage.id, siblingIndex: 2, siblingCount: 2 });
    expect(again.assistantMessage.siblingIds).toEqual([second.assistantMessage.id, again.assistantMessage.id]);
    // The same history went out, without the earlier version of the reply.
    expect(lastRequest()).toEqual(before);
    expect(onScreen(first.conversationId)).toEqual([
      ['user', 'Name a colour', '1/1'],
      ['assistant', 'Echo: Name a colour', '1/1'],
      ['user', 'And a fruit?', '1/1'],
      ['assistant', 'Banana.', '2/2'],
    ]);

    const shown = meta.selectBranch(second.assistantMessage.id);
    expect(shown.messages.at(-1)).toMatchObject({ id: second.assistantMessage.id, content: 'Echo: And a fruit?', siblingIndex: 1, siblingCount: 2 });
    expect(h.events.changed).toContain(first.conversationId);

    // What is sent next follows the version on screen.
    await finished(h.chat.send({ conversationId: first.conversationId, text: 'Thanks', images: [] }));
    expect(lastRequest().map(([, text]) => text)).toEqual(['Name a colour', 'Echo: Name a colour', 'And a fruit?', 'Echo: And a fruit?', 'Thanks']);
  });

  it('retries a reply that failed without text in its place (the Retry after an error)', async () => {
    h.fake.enqueue({ kind: 'http-error', status: 429, error: { message: 'slow down' }, headers: { 'retry-after': '3' } });
    const sent = await h.chat.send({ text: 'Hello?', images: [] });
    const failed = await h.waitForEnd(sent.streamId);
    expect(failed).toMatchObject({ type: 'error', error: { code: 'rate_limited', retryAfterMs: 3000 } });

    const retried = await finished(h.chat.regenerate({ messageId: sent.assistantMessage.id }));
    expect(retried.assistantMessage.id).toBe(sent.assistantMessage.id);
    expect(h.store.getMessage(sent.assistantMessage.id)).toMatchObject({ status: 'complete', content: 'Echo: Hello?', siblingCount: 1 });
    expect(h.store.allMessages(sent.conversationId)).toHaveLength(2);
  });

  it('keeps a failed reply that has some text as a version of its own', async () => {
    h.fake.enqueue({ kind: 'drop', chunks: ['Half an ans'] });
    const sent = await h.chat.send({ text: 'Go', images: [] });
    expect(await h.waitForEnd(sent.streamId)).toMatchObject({ type: 'error', message: { content: 'Half an ans' } });
    const again = await finished(h.chat.regenerate({ messageId: sent.assistantMessage.id }));
    expect(again.assistantMessage.id).not.toBe(sent.assistantMessage.id);
    expect(onScreen(sent.conversationId)).toEqual([
      ['user', 'Go', '1/1'],
      ['assistant', 'Echo: Go', '2/2'],
    ]);
  });

  it('refuses user messages, replies still streaming and unknown ids', async () => {
    const gate = h.fake.hold();
    const sent = await h.chat.send({ text: 'Wait', images: [] });
    // While the reply streams the whole conversation is busy (one reply at a time).
    expect(await errorCodeOf(h.chat.regenerate({ messageId: sent.assistantMessage.id }))).toBe('busy');
    expect(await errorCodeOf(h.chat.regenerate({ messageId: 'nope' }))).toBe('not_found_local');
    gate.release();
    await h.waitForEnd(sent.streamId);
    expect(await errorCodeOf(h.chat.regenerate({ messageId: sent.userMessage.id }))).toBe('invalid_input');
  });
});

describe('Edit', () => {
  it('sends a changed copy of a user message and keeps the original branch with everything after it', async () => {
    const image = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', name: 'dot.png' };
    const first = await finished(h.chat.send({ text: 'Describe this', images: [image] }));
    const id = first.conversationId;
    const deep = await finished(h.chat.send({ conversationId: id, text: 'More detail', images: [] }));

    const edited = await finished(h.chat.edit({ messageId: first.userMessage.id, text: 'Describe this briefly' }));
    // The edit keeps the original's image: the same stored image, not a second copy.
    expect(first.userMessage.images).toEqual([expect.objectContaining({ name: 'dot.png', mimeType: 'image/png', bytes: 8 })]);
    expect(edited.userMessage).toMatchObject({ parentId: null, siblingIndex: 2, siblingCount: 2, images: first.userMessage.images });
    expect(lastRequest()).toEqual([['user', JSON.stringify([{ type: 'text', text: 'Describe this briefly' }, { type: 'image_url', image_url: { url: image.dataUrl } }])]]);
    expect(onScreen(id)).toEqual([
      ['user', 'Describe this briefly', '2/2'],
      ['assistant', 'Echo: Describe this briefly', '1/1'],
    ]);

    // Going back to the first version brings back the whole branch below it.
    const back = meta.selectBranch(first.userMessage.id);
    expect(back.messages.map((m) => m.id)).toEqual([first.userMessage.id, first.assistantMessage.id, deep.userMessage.id, deep.assistantMessage.id]);
    expect(back.messages[0]).toMatchObject({ siblingIndex: 1, siblingCount: 2 });

    // An edit deeper down, with its images removed, branches there.
    const second = await finished(h.chat.edit({ messageId: deep.userMessage.id, text: 'Less detail', images: [] }));
    expect(second.userMessage).toMatchObject({ parentId: first.assistantMessage.id, images: [], siblingIndex: 2 });
    expect(lastRequest().map(([role]) => role)).toEqual(['user', 'assistant', 'user']);
    expect(h.store.allMessages(id)).toHaveLength(8);
  });

  it('refuses editing a reply, and an edit with nothing in it', async () => {
    const sent = await finished(h.chat.send({ text: 'Hi', images: [] }));
    expect(await errorCodeOf(h.chat.edit({ messageId: sent.assistantMessage.id, text: 'x' }))).toBe('invalid_input');
    expect(await errorCodeOf(h.chat.edit({ messageId: sent.userMessage.id, text: '  ', images: [] }))).toBe('invalid_input');
  });
});

describe('branches elsewhere', () => {
  it('Continue works on the end of any branch; search finds hidden versions and selectBranch shows them', async () => {
    h.fake.enqueue({ kind: 'stream', chunks: ['Quokkas are '] });
    const gate = h.fake.hold();
    const sent = await h.chat.send({ text: 'Tell me about quokkas', images: [] });
    await h.events.waitFor((e) => e.streamId === sent.streamId && e.type === 'delta');
    h.chat.cancel(sent.streamId);
    gate.release();
    await h.waitForEnd(sent.streamId);
    h.fake.enqueue({ kind: 'stream', chunks: ['A small wallaby.'] });
    await finished(h.chat.regenerate({ messageId: sent.assistantMessage.id }));

    // The stopped first version is hidden, but it can be found and continued.
    const hit = new SearchService(h.store.db).search('quokkas are');
    expect(hit.map((r) => r.messageId)).toEqual([sent.assistantMessage.id]);
    h.fake.enqueue({ kind: 'stream', chunks: ['happy marsupials.'] });
    const continued = await h.chat.continue({ messageId: sent.assistantMessage.id });
    await h.waitForEnd(continued.streamId);
    expect(onScreen(sent.conversationId).at(-1)).toEqual(['assistant', 'Quokkas are happy marsupials.', '1/2']);
    expect(lastRequest().map(([role]) => role)).toEqual(['user', 'assistant', 'user']);

    await finished(h.chat.send({ conversationId: sent.conversationId, text: 'Where do they live?', images: [] }));
    expect(await errorCodeOf(h.chat.continue({ messageId: sent.assistantMessage.id }))).toBe('invalid_input');
  });
});
