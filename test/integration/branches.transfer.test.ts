import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/contract/index.ts';
import type { Conversation } from '../../shared/domain.ts';
import type { Services } from '../../electron/core/services.ts';
import { openServices, type ServicesHarness } from '../support/chatHarness.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

// Export format version 2 carries every branch and the path on screen; version 1 files still import.

let root: string;
let provider: FakeProvider;
const opened: Services[] = [];

type Call = ServicesHarness['call'];

async function open(name: string): Promise<Call> {
  const api = await openServices({
    dataDir: path.join(root, name),
    version: '9.9.9-test',
    env: { PARLEY_API_BASE_URL: provider.baseUrl, PARLEY_API_TOKEN: 'sk-branch-transfer' },
  });
  opened.push(api.services);
  return api.call;
}

beforeEach(async () => {
  root = makeTempDir('branch-transfer');
  provider = await startFakeProvider();
});

afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
  await provider.close();
  removeTempDir(root);
});

type Sent = CallOutput<'chat:send'>;
type Exported = { version: number; conversations: { id: string; selectedPath: string[]; messages: { id: string; parentId: string | null }[] }[] };

describe('exporting and importing branches', () => {
  it('round-trips every version and the one on screen (format version 2)', async () => {
    const a = await open('a');
    const first = await a<Sent>('chat:send', { text: 'Pick a number' });
    const id = first.conversationId;
    const regenerated = await a<Sent>('chat:regenerate', { messageId: first.assistantMessage.id });
    const edited = await a<Sent>('chat:edit', { messageId: first.userMessage.id, text: 'Pick a letter' });
    await a('conversations:selectBranch', { messageId: regenerated.assistantMessage.id });
    await a('conversations:pin', { id, pinned: true });
    await a('conversations:updateSettings', { id, systemPrompt: 'Answer in one word.', temperature: 0.3 });

    const file = await a<CallOutput<'conversations:export'>>('conversations:export', { format: 'json' });
    const data = JSON.parse(file.content) as Exported;
    expect(data.version).toBe(2);
    const exported = data.conversations[0]!;
    expect(exported.messages.map((m) => [m.id, m.parentId])).toEqual([
      [first.userMessage.id, null],
      [first.assistantMessage.id, first.userMessage.id],
      [regenerated.assistantMessage.id, first.userMessage.id],
      [edited.userMessage.id, null],
      [edited.assistantMessage.id, edited.userMessage.id],
    ]);
    expect(exported.selectedPath).toEqual([first.userMessage.id, regenerated.assistantMessage.id]);

    // Markdown is what is on screen.
    const markdown = await a<CallOutput<'conversations:export'>>('conversations:export', { ids: [id], format: 'markdown' });
    expect(markdown.content).toContain('Echo: Pick a number');
    expect(markdown.content).not.toContain('Pick a letter');

    const b = await open('b');
    expect(await b('conversations:import', { content: file.content })).toMatchObject({ imported: 1, messages: 5 });
    const original = await a<Conversation>('conversations:get', { id });
    expect(await b<Conversation>('conversations:get', { id })).toEqual(original);
    expect(original).toMatchObject({ pinned: true, settings: { systemPrompt: 'Answer in one word.', temperature: 0.3 } });
    const again = JSON.parse((await b<CallOutput<'conversations:export'>>('conversations:export', { format: 'json' })).content) as Exported;
    expect(again.conversations).toEqual(data.conversations);

    // The other versions came along: switching to the edited one works in the imported copy.
    const switched = await b<Conversation>('conversations:selectBranch', { messageId: edited.userMessage.id });
    expect(switched.messages.map((m) => m.content)).toEqual(['Pick a letter', 'Echo: Pick a letter']);
  });

  it('still imports version 1 files as one chain per conversation', async () => {
    const call = await open('a');
    const message = (id: string, role: string, content: string, createdAt: number) => ({ id, role, content, images: [], status: 'complete', createdAt });
    const v1 = {
      format: 'parley-export',
      version: 1,
      exportedAt: new Date().toISOString(),
      conversations: [
        {
          id: 'old-1',
          title: 'From an older Parley',
          createdAt: 1000,
          updatedAt: 4000,
          messages: [message('o1', 'user', 'One', 1000), message('o2', 'assistant', 'Two', 2000), message('o3', 'user', 'Three', 3000)],
        },
      ],
    };
    expect(await call('conversations:import', { content: JSON.stringify(v1) })).toMatchObject({ imported: 1, messages: 3 });
    const saved = await call<Conversation>('conversations:get', { id: 'old-1' });
    expect(saved.messages.map((m) => [m.id, m.parentId, m.siblingCount])).toEqual([
      ['o1', null, 1],
      ['o2', 'o1', 1],
      ['o3', 'o2', 1],
    ]);
    // And the conversation goes on from there.
    const next = await call<Sent>('chat:send', { conversationId: 'old-1', text: 'Four' });
    expect(next.userMessage.parentId).toBe('o3');
  });

  it('merges a new branch into an existing conversation without changing what is on screen', async () => {
    const call = await open('a');
    const sent = await call<Sent>('chat:send', { text: 'Hello' });
    const file = JSON.parse((await call<CallOutput<'conversations:export'>>('conversations:export', { format: 'json' })).content) as Exported & {
      conversations: { messages: Record<string, unknown>[] }[];
    };
    const conversation = file.conversations[0]!;
    conversation.messages.push({ id: 'other-reply', parentId: sent.userMessage.id, role: 'assistant', content: 'Hi from elsewhere', images: [], status: 'complete', createdAt: 1 });
    conversation.selectedPath = [sent.userMessage.id, 'other-reply'];
    expect(await call('conversations:import', { content: JSON.stringify(file) })).toMatchObject({ imported: 1, messages: 1 });
    const after = await call<Conversation>('conversations:get', { id: sent.conversationId });
    expect(after.messages.map((m) => [m.id, m.siblingIndex, m.siblingCount])).toEqual([
      [sent.userMessage.id, 1, 1],
      [sent.assistantMessage.id, 1, 2],
    ]);
  });
});
