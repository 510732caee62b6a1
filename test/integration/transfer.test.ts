import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS, type SearchPage } from '../../shared/contract/conversations.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import type { Conversation, ConversationSummary } from '../../shared/domain.ts';
import type { Result } from '../../shared/errors.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

const TOKEN = 'sk-export-secret-token-9f8e7d6c5b4a';
const IMAGE = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', name: 'dot.png' };

let root: string;
let provider: FakeProvider;
const opened: Services[] = [];

function withoutImageUrls(conversation: Conversation): Conversation {
  return { ...conversation, messages: conversation.messages.map((m) => ({ ...m, images: m.images.map((i) => ({ ...i, url: i.url.split('?')[0]! })) })) };
}

async function open(name: string): Promise<(channel: string, input?: unknown) => Promise<Result<unknown>>> {
  const dataDir = path.join(root, name);
  const services = await createServices({
    mode: 'browser',
    dataDir,
    version: '9.9.9-test',
    env: { PARLEY_API_BASE_URL: provider.baseUrl, PARLEY_API_TOKEN: TOKEN },
    settingsBackend: createConfBackend,
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: { emit: () => undefined },
  });
  opened.push(services);
  return (channel, input) => services.dispatch(channel, input);
}

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

type Export = CallOutput<'conversations:export'>;
type Import = CallOutput<'conversations:import'>;

/** Two finished chats (one with an image and usage) and one in the trash. */
async function seed(call: Awaited<ReturnType<typeof open>>): Promise<string[]> {
  const ids: string[] = [];
  for (const [text, images] of [['Describe this picture of a lighthouse', [IMAGE]], ['Plan a walk along the coast', []]] as const) {
    const sent = ok<CallOutput<'chat:send'>>(await call('chat:send', { text, images }));
    await provider.waitForRequests(ids.length + 1);
    for (let i = 0; ; i++) {
      const c = ok<Conversation>(await call('conversations:get', { id: sent.conversationId }));
      if (c.messages[1]?.status === 'complete') break;
      if (i > 200) throw new Error('the reply did not finish');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    ids.push(sent.conversationId);
  }
  const binned = ok<ConversationSummary>(await call('conversations:create', { title: 'In the bin' }));
  ok(await call('conversations:delete', { id: binned.id }));
  return ids;
}

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-transfer-'));
  provider = await startFakeProvider();
});

afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
  await provider.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('export', () => {
  it('writes lossless, versioned JSON of every conversation not in the trash, and never the token', async () => {
    const call = await open('a');
    const ids = await seed(call);
    const file = ok<Export>(await call('conversations:export', { format: 'json' }));
    expect(file.fileName).toMatch(/^parley-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.mimeType).toBe('application/json');
    expect(file.content).not.toContain(TOKEN);
    expect(file.content).not.toContain(TOKEN.slice(3, 20));

    const data = JSON.parse(file.content) as { format: string; version: number; exportedAt: string; app: unknown; conversations: Conversation[] };
    expect(data).toMatchObject({ format: 'parley-export', version: 2, app: { name: 'Parley', version: '9.9.9-test' } });
    expect(Number.isNaN(Date.parse(data.exportedAt))).toBe(false);
    expect(data.conversations.map((c) => c.id).sort()).toEqual([...ids].sort());
    for (const exported of data.conversations) {
      const saved = ok<Conversation>(await call('conversations:get', { id: exported.id }));
      // Every message with its parent (here one branch), the path on screen, and no view-only fields.
      const { messages, settings: _settings, totals: _totals, pinned: _pinned, hasOlder: _o, hasNewer: _n, messageCount: _mc, ...summary } = saved;
      expect(exported).toEqual({
        ...summary,
        // Images are embedded again as data URLs: the file is whole by itself.
        messages: messages.map(({ conversationId: _c, siblingIndex: _i, siblingCount: _n, siblingIds: _s, images, ...m }) => ({
          ...m,
          images: images.map((image) => (image.name ? { dataUrl: IMAGE.dataUrl, name: image.name } : { dataUrl: IMAGE.dataUrl })),
        })),
        selectedPath: messages.map((m) => m.id),
      });
    }
    const withImage = data.conversations.find((c) => c.messages[0]!.images.length > 0)!;
    expect(withImage.messages[0]!.images).toEqual([IMAGE]);
    expect(withImage.messages[1]).toMatchObject({ status: 'complete', model: 'gpt-5.2', usage: { totalTokens: 19 } });
  });

  it('writes one conversation as readable Markdown', async () => {
    const call = await open('a');
    const [first] = await seed(call);
    const file = ok<Export>(await call('conversations:export', { ids: [first], format: 'markdown' }));
    expect(file).toMatchObject({ fileName: 'describe-this-picture-of-a-lighthouse.md', mimeType: 'text/markdown' });
    expect(file.content).toMatch(/^# Describe this picture of a lighthouse\n/);
    expect(file.content).toContain('**You**');
    expect(file.content).toContain('**Assistant** (gpt-5.2)');
    expect(file.content).toContain('Echo: Describe this picture of a lighthouse');
    expect(file.content).toContain('_[image: dot.png]_');
    expect(file.content).not.toContain('base64');
    expect(file.content).not.toContain(TOKEN);
    expect(await call('conversations:export', { ids: ['nope'], format: 'json' })).toMatchObject({ ok: false, error: { code: 'not_found_local' } });
  });
});

describe('import', () => {
  it('brings a Parley export into another database exactly, and adds nothing the second time', async () => {
    const a = await open('a');
    const ids = await seed(a);
    const file = ok<Export>(await a('conversations:export', { format: 'json' }));

    const b = await open('b');
    const first = ok<Import>(await b('conversations:import', { content: file.content }));
    expect(first).toMatchObject({ imported: 2, skipped: 0, messages: 4 });
    expect(first.conversations.map((c) => c.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      // The same content; image URLs differ only by each server's own capability signature.
      expect(withoutImageUrls(ok<Conversation>(await b('conversations:get', { id })))).toEqual(withoutImageUrls(ok<Conversation>(await a('conversations:get', { id }))));
    }
    expect(ok<SearchPage>(await b('conversations:search', { query: 'lighthouse' })).results.length).toBe(2);

    expect(ok<Import>(await b('conversations:import', { content: file.content }))).toEqual({ imported: 0, skipped: 2, messages: 0, conversations: [] });
  });

  it('merges by id and never overwrites a conversation or message that is already there', async () => {
    const a = await open('a');
    const [id] = await seed(a);
    const file = JSON.parse(ok<Export>(await a('conversations:export', { ids: [id], format: 'json' })).content) as {
      conversations: Array<Conversation & { messages: Array<Record<string, unknown>> }>;
    };
    const before = ok<Conversation>(await a('conversations:get', { id }));
    const conversation = file.conversations[0]!;
    conversation.title = 'Changed title';
    conversation.messages[0]!['content'] = 'tampered text';
    conversation.messages.push({ id: 'added-later', role: 'user', content: 'a message from another device', images: [], status: 'complete', createdAt: 1 });
    file.conversations.push({ ...conversation, id: 'brand-new', title: 'New one', messages: [{ ...conversation.messages[2]!, id: 'only-here' }] });

    const result = ok<Import>(await a('conversations:import', { content: JSON.stringify(file) }));
    expect(result).toMatchObject({ imported: 2, skipped: 0, messages: 2 });
    const after = ok<Conversation>(await a('conversations:get', { id }));
    expect(after.title).toBe(before.title);
    expect(after.messages.slice(0, 2)).toEqual(before.messages);
    expect(after.messages.map((m) => m.id)).toEqual([...before.messages.map((m) => m.id), 'added-later']);
    expect(ok<Conversation>(await a('conversations:get', { id: 'brand-new' })).messages.map((m) => m.content)).toEqual(['a message from another device']);
  });

  it('refuses bad files with invalid_input saying what is wrong', async () => {
    const call = await open('a');
    const refuse = async (content: string): Promise<string> => {
      const result = await call('conversations:import', { content });
      if (result.ok) throw new Error('imported a bad file');
      expect(result.error.code).toBe('invalid_input');
      return result.error.message;
    };
    const valid = { format: 'parley-export', version: 1, exportedAt: new Date().toISOString(), conversations: [] as unknown[] };
    const message = { id: 'm', role: 'user', content: 'x', images: [], status: 'complete', createdAt: 1 };
    const conversation = { id: 'c', title: 't', createdAt: 1, updatedAt: 1, messages: [message] };
    expect(await refuse('{ "format": ')).toContain('not valid JSON');
    expect(await refuse('{"some": "thing"}')).toContain('not one Parley can import');
    expect(await refuse(JSON.stringify({ ...valid, version: 3 }))).toContain('newer version of Parley');
    expect(await refuse(JSON.stringify({ ...valid, conversations: [{ ...conversation, messages: [{ ...message, role: 'wizard' }] }] }))).toContain(
      'conversations.0.messages.0.role',
    );
    const script = { ...message, images: [{ dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' }] };
    expect(await refuse(JSON.stringify({ ...valid, conversations: [{ ...conversation, messages: [script] }] }))).toContain('images');
    expect(await refuse('x'.repeat(MAX_IMPORT_CHARS + 1))).toContain('too large');
    expect(ok<ConversationSummary[]>(await call('conversations:list'))).toEqual([]);
  });

  it("imports ChatGPT's conversations.json: the visible thread, searchable, once", async () => {
    const call = await open('a');
    const mapping = {
      root: { id: 'root', parent: null, children: ['u1'], message: null },
      u1: { id: 'u1', parent: 'root', children: ['a1'], message: { id: 'u1', author: { role: 'user' }, create_time: 1_700_000_001, content: { content_type: 'text', parts: ['What is a fjord?'] } } },
      a1: { id: 'a1', parent: 'u1', children: [], message: { id: 'a1', author: { role: 'assistant' }, create_time: 1_700_000_002, content: { content_type: 'text', parts: ['A long, narrow inlet carved by glaciers.'] }, metadata: { model_slug: 'gpt-4o' } } },
    };
    const content = JSON.stringify([{ id: 'gpt-conv-1', title: 'Fjords', create_time: 1_700_000_000, update_time: 1_700_000_002, mapping, current_node: 'a1' }]);
    expect(ok<Import>(await call('conversations:import', { content }))).toMatchObject({ imported: 1, skipped: 0, messages: 2 });
    const saved = ok<Conversation>(await call('conversations:get', { id: 'gpt-conv-1' }));
    expect(saved).toMatchObject({ title: 'Fjords', createdAt: 1_700_000_000_000 });
    expect(saved.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'What is a fjord?', 'complete'],
      ['assistant', 'A long, narrow inlet carved by glaciers.', 'complete'],
    ]);
    expect(ok<SearchPage>(await call('conversations:search', { query: 'glaciers' })).results[0]).toMatchObject({ conversationId: 'gpt-conv-1', messageId: 'a1' });
    expect(ok<Import>(await call('conversations:import', { content }))).toMatchObject({ imported: 0, skipped: 1 });
  });
});
