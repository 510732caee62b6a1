import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/contract/app.ts';
import type { Conversation, ConversationSummary } from '../../shared/domain.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';
import { startHarness, type Harness } from './transferHarness.ts';

let dir: string;
let h: Harness | undefined;

beforeEach(() => {
  dir = makeTempDir('store-worker');
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  removeTempDir(dir);
});

describe('the store in a worker thread', () => {
  it('answers every call through the worker, and pushes its change events with the changed row', async () => {
    h = await startHarness(path.join(dir, 'data'));
    const created = await h.call<ConversationSummary>('conversations:create', { title: 'Worker' });
    await h.call('conversations:rename', { id: created.id, title: 'Renamed' });
    expect(h.events).toContainEqual({
      channel: 'conversations:changed',
      payload: { conversationId: created.id, kind: 'row', summary: expect.objectContaining({ id: created.id, title: 'Renamed' }) },
    });
    await h.call('conversations:delete', { id: created.id });
    expect(h.events.at(-1)).toMatchObject({ channel: 'conversations:changed', payload: { conversationId: created.id, removed: true } });
    // Errors keep their code across the thread.
    expect(await h.services.dispatch('conversations:get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found_local' } });
  });

  it('reports a crash of the worker, restarts it, and loses nothing that was saved', async () => {
    h = await startHarness(path.join(dir, 'data'));
    const store = h.services.storeClient.api;
    const { id } = await store.createConversation('Before the crash');
    await store.addUserMessage(id, { text: 'saved before the crash', images: [] });
    const reply = await store.startAssistantMessage(id, 'm');
    await store.appendToMessage(reply.id, 'half a reply');

    h.services.storeClient.crashForTest();
    // A call that meets the crash fails with a clear error value instead of hanging.
    const during = await h.services.dispatch('conversations:list', undefined);
    if (!during.ok) expect(during.error).toMatchObject({ code: 'storage', message: expect.stringContaining('restarted') });

    await expect.poll(() => h!.events.some((e) => e.channel === 'app:notice'), { timeout: 20_000 }).toBe(true);
    const notice = h.events.find((e) => e.channel === 'app:notice')!.payload as Notice;
    expect(notice).toMatchObject({ level: 'warning', message: expect.stringContaining('restarted it') });
    const info = await h.call<{ notices: Notice[] }>('app:info');
    expect(info.notices.map((n) => n.id)).toContain(notice.id);

    // The new worker opened the same database: what was committed is all there, and the reply
    // that was streaming when the worker died is kept as interrupted.
    const page = await h.call<Conversation>('conversations:get', { id });
    expect(page.title).toBe('Before the crash');
    expect(page.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'saved before the crash', 'complete'],
      ['assistant', 'half a reply', 'interrupted'],
    ]);
    // …and it keeps working.
    await h.call('conversations:rename', { id, title: 'After the crash' });
    expect((await h.call<ConversationSummary[]>('conversations:list')).map((c) => c.title)).toEqual(['After the crash']);
  });
});
