import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/contract/drafts.ts';
import type { Conversation } from '../../shared/domain.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import type { Result } from '../../shared/errors.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

let dir: string;
let provider: FakeProvider;
let services: Services;

function open(): Promise<Services> {
  return createServices({
    mode: 'browser',
    dataDir: dir,
    version: '0.0.0-test',
    env: { PARLEY_API_BASE_URL: provider.baseUrl, PARLEY_API_TOKEN: 'sk-drafts-test' },
    settingsBackend: createConfBackend,
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: { emit: () => undefined },
  });
}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result: Result<unknown> = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const draftText = async (conversationId: string): Promise<string> => (await call<Draft>('drafts:get', { conversationId })).text;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-drafts-'));
  provider = await startFakeProvider();
  services = await open();
});

afterEach(async () => {
  await services.close();
  await provider.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('drafts', () => {
  it('keeps a draft per conversation (and one for a new chat) across a restart', async () => {
    const a = await call<{ id: string }>('conversations:create');
    const b = await call<{ id: string }>('conversations:create');
    expect(await call<Draft>('drafts:get', { conversationId: a.id })).toEqual({ conversationId: a.id, text: '', updatedAt: null });

    const saved = await call<Draft>('drafts:set', { conversationId: a.id, text: 'half a thought' });
    expect(saved).toMatchObject({ conversationId: a.id, text: 'half a thought' });
    expect(saved.updatedAt).toBeGreaterThan(0);
    await call('drafts:set', { conversationId: b.id, text: 'another' });
    await call('drafts:set', { conversationId: 'new', text: 'a new chat, unsent' });
    await call('drafts:set', { conversationId: a.id, text: 'half a thought, edited' });

    await services.close();
    services = await open();
    expect(await draftText(a.id)).toBe('half a thought, edited');
    expect(await draftText(b.id)).toBe('another');
    expect(await draftText('new')).toBe('a new chat, unsent');
  });

  it('deletes a draft set to blank, and refuses unknown conversations and oversized text', async () => {
    const a = await call<{ id: string }>('conversations:create');
    await call('drafts:set', { conversationId: a.id, text: 'something' });
    expect(await call<Draft>('drafts:set', { conversationId: a.id, text: '  \n ' })).toEqual({ conversationId: a.id, text: '', updatedAt: null });
    expect(await draftText(a.id)).toBe('');
    expect(await services.dispatch('drafts:set', { conversationId: 'no-such-conversation', text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found_local' } });
    expect(await services.dispatch('drafts:set', { conversationId: a.id, text: 'x'.repeat(200_001) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await services.dispatch('drafts:get', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('clears the draft a message was sent from, and only that one', async () => {
    await call('drafts:set', { conversationId: 'new', text: 'hello there' });
    const first = await call<CallOutput<'chat:send'>>('chat:send', { text: 'hello there' });
    expect(await draftText('new')).toBe('');

    const other = await call<{ id: string }>('conversations:create');
    await call('drafts:set', { conversationId: other.id, text: 'for later' });
    await call('drafts:set', { conversationId: first.conversationId, text: 'follow-up' });
    await provider.waitForRequests(1);
    // One reply at a time per conversation: the follow-up waits for the first reply to end.
    await expect
      .poll(async () => (await call<Conversation>('conversations:get', { id: first.conversationId })).messages.some((m) => m.status === 'streaming'))
      .toBe(false);
    await call('chat:send', { conversationId: first.conversationId, text: 'follow-up' });
    expect(await draftText(first.conversationId)).toBe('');
    expect(await draftText(other.id)).toBe('for later');
  });

  it('keeps the draft of a conversation in the trash, and drops it when the conversation is purged', async () => {
    const a = await call<{ id: string }>('conversations:create');
    await call('drafts:set', { conversationId: a.id, text: 'unsent words' });
    await call('conversations:delete', { id: a.id });
    expect(await draftText(a.id)).toBe('unsent words');
    await call('conversations:purge', { id: a.id });
    expect(await draftText(a.id)).toBe('');
  });
});
