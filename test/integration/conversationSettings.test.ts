import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput, EventChannel, EventPayload } from '../../shared/contract/index.ts';
import type { Conversation, ConversationSummary } from '../../shared/domain.ts';
import type { Services } from '../../electron/core/services.ts';
import { openServices, type ServicesHarness } from '../support/chatHarness.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

// Per-conversation system prompt and overrides, rename, pin and where a conversation came from,
// through the real dispatcher and composition root.

let root: string;
let provider: FakeProvider;
const opened: Services[] = [];
let changed: (string | undefined)[] = [];

async function open(name: string): Promise<ServicesHarness> {
  const api = await openServices({
    dataDir: path.join(root, name),
    env: { PARLEY_API_BASE_URL: provider.baseUrl, PARLEY_API_TOKEN: 'sk-conversation-settings' },
    events: {
      emit<E extends EventChannel>(channel: E, payload: EventPayload<E>) {
        if (channel === 'conversations:changed') changed.push((payload as { conversationId?: string }).conversationId);
      },
    },
  });
  opened.push(api.services);
  return api;
}

beforeEach(async () => {
  root = makeTempDir('conversation-settings');
  provider = await startFakeProvider();
  changed = [];
});

afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
  await provider.close();
  removeTempDir(root);
});

type Sent = CallOutput<'chat:send'>;
const lastBody = (): Record<string, unknown> => provider.requests.at(-1)!.body as Record<string, unknown>;

describe('per-conversation settings', () => {
  it('sends the system prompt first and the conversation’s model and sampling over the defaults', async () => {
    const { call } = await open('a');
    await call('settings:update', { model: 'gpt-5.2', temperature: 1, topP: 0.5 });
    const first = await call<Sent>('chat:send', { text: 'Hello' });
    expect(lastBody()).toMatchObject({ model: 'gpt-5.2', temperature: 1, top_p: 0.5, stream: true });

    const updated = await call<Conversation>('conversations:updateSettings', {
      id: first.conversationId,
      systemPrompt: 'You are a pirate.',
      model: 'fake-echo',
      temperature: 0.2,
      topK: 12,
      stream: false,
    });
    expect(updated.settings).toEqual({ systemPrompt: 'You are a pirate.', model: 'fake-echo', temperature: 0.2, topK: 12, stream: false });
    expect(changed).toContain(first.conversationId);

    await call<Sent>('chat:send', { conversationId: first.conversationId, text: 'Ahoy?' });
    expect(lastBody()).toMatchObject({ model: 'fake-echo', temperature: 0.2, top_p: 0.5, top_k: 12, stream: false });
    expect((lastBody()['messages'] as { role: string; content: string }[]).map((m) => [m.role, m.content])).toEqual([
      ['system', 'You are a pirate.'],
      ['user', 'Hello'],
      ['assistant', 'Echo: Hello'],
      ['user', 'Ahoy?'],
    ]);
    const saved = await call<Conversation>('conversations:get', { id: first.conversationId });
    expect(saved.messages.at(-1)).toMatchObject({ model: 'fake-echo', content: 'Echo: Ahoy?' });

    // Regenerate uses them too; the system prompt is never saved as a message.
    await call<Sent>('chat:regenerate', { messageId: saved.messages.at(-1)!.id });
    expect((lastBody()['messages'] as { role: string }[])[0]).toEqual({ role: 'system', content: 'You are a pirate.' });
    expect(saved.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);

    // null (and an empty system prompt) clears back to the defaults; absent fields stay.
    const cleared = await call<Conversation>('conversations:updateSettings', { id: first.conversationId, systemPrompt: '  ', model: null, stream: null });
    expect(cleared.settings).toEqual({ temperature: 0.2, topK: 12 });
    await call<Sent>('chat:send', { conversationId: first.conversationId, text: 'Plain again' });
    expect(lastBody()).toMatchObject({ model: 'gpt-5.2', stream: true, temperature: 0.2 });
    expect((lastBody()['messages'] as { role: string }[])[0]!.role).toBe('user');

    // Another conversation is not affected.
    await call<Sent>('chat:send', { text: 'Elsewhere' });
    expect(lastBody()).toMatchObject({ model: 'gpt-5.2', temperature: 1 });
  });

  it('refuses values out of range, unknown providers and unknown conversations', async () => {
    const { call, refused } = await open('a');
    const conversation = await call<ConversationSummary>('conversations:create');
    expect(await refused('conversations:updateSettings', { id: conversation.id, temperature: 3 })).toMatchObject({ code: 'invalid_input' });
    expect(await refused('conversations:updateSettings', { id: conversation.id, model: '' })).toMatchObject({ code: 'invalid_input' });
    expect(await refused('conversations:updateSettings', { id: conversation.id, providerId: 'nope' })).toMatchObject({ code: 'invalid_input' });
    expect(await refused('conversations:updateSettings', { id: 'nope', temperature: 1 })).toMatchObject({ code: 'not_found_local' });
    expect(await refused('conversations:updateSettings', { id: conversation.id, colour: 'red' })).toMatchObject({ code: 'invalid_input' });
    expect((await call<Conversation>('conversations:get', { id: conversation.id })).settings).toEqual({});
  });
});

describe('rename, pin and source', () => {
  it('lists pinned conversations first, then by last activity; rename keeps the title', async () => {
    const { call, refused } = await open('a');
    const a = await call<Sent>('chat:send', { text: 'First chat' });
    const b = await call<Sent>('chat:send', { text: 'Second chat' });
    const c = await call<ConversationSummary>('conversations:create', { title: 'Third' });
    const order = async (): Promise<string[]> => (await call<ConversationSummary[]>('conversations:list')).map((s) => s.title);
    expect(await order()).toEqual(['Third', 'Second chat', 'First chat']);

    expect(await call<ConversationSummary>('conversations:pin', { id: a.conversationId, pinned: true })).toMatchObject({ pinned: true });
    expect(await order()).toEqual(['First chat', 'Third', 'Second chat']);
    await call<Sent>('chat:send', { conversationId: b.conversationId, text: 'More' });
    expect(await order()).toEqual(['First chat', 'Second chat', 'Third']);

    const renamed = await call<ConversationSummary>('conversations:rename', { id: c.id, title: '  Renamed  ' });
    expect(renamed).toMatchObject({ id: c.id, title: 'Renamed', pinned: false });
    expect(changed).toContain(c.id);
    await call('conversations:pin', { id: a.conversationId, pinned: false });
    expect(await order()).toEqual(['Second chat', 'Renamed', 'First chat']);
    expect(await refused('conversations:rename', { id: c.id, title: '   ' })).toMatchObject({ code: 'invalid_input' });
    expect(await refused('conversations:pin', { id: 'nope', pinned: true })).toMatchObject({ code: 'not_found_local' });
  });

  it('remembers where a conversation was started, also through export and import', async () => {
    const a = await open('a');
    const quick = await a.call<Sent>('chat:send', { text: 'From the quick prompt', source: 'quick' });
    const main = await a.call<Sent>('chat:send', { text: 'From the main window' });
    const created = await a.call<ConversationSummary>('conversations:create', { source: 'quick' });
    expect(created.source).toBe('quick');
    const list = await a.call<ConversationSummary[]>('conversations:list');
    expect(Object.fromEntries(list.map((s) => [s.id, s.source]))).toEqual({ [quick.conversationId]: 'quick', [main.conversationId]: 'main', [created.id]: 'quick' });
    // Sending into an existing conversation does not change its source.
    await a.call<Sent>('chat:send', { conversationId: main.conversationId, text: 'Again', source: 'quick' });
    expect((await a.call<Conversation>('conversations:get', { id: main.conversationId })).source).toBe('main');

    const file = await a.call<CallOutput<'conversations:export'>>('conversations:export', { ids: [quick.conversationId], format: 'json' });
    const b = await open('b');
    await b.call('conversations:import', { content: file.content });
    expect((await b.call<Conversation>('conversations:get', { id: quick.conversationId })).source).toBe('quick');
  });
});
