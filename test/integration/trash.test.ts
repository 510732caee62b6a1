import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import type { Conversation, ConversationSummary } from '../../shared/domain.ts';
import type { Result } from '../../shared/errors.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { TRASH_RETENTION_MS } from '../../electron/core/store/trash.ts';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let services: Services;
let changed: (string | undefined)[];

function open(): Promise<Services> {
  return createServices({
    mode: 'browser',
    dataDir: dir,
    version: '0.0.0-test',
    env: { PARLEY_API_TOKEN: 'sk-trash-test', PARLEY_API_BASE_URL: 'http://127.0.0.1:9/v1' },
    settingsBackend: createConfBackend,
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: {
      emit<E extends EventChannel>(channel: E, payload: EventPayload<E>) {
        if (channel === 'conversations:changed') changed.push((payload as { conversationId?: string }).conversationId);
      },
    },
  });
}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result: Result<unknown> = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const ids = (list: ConversationSummary[]): string[] => list.map((c) => c.id);

/** Reads the database file itself, as another program would. */
function countRows(table: string, where = '1'): number {
  const db = new DatabaseSync(path.join(dir, 'parley.db'), { readOnly: true });
  try {
    return Number(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get()?.['n']);
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-trash-'));
  changed = [];
  services = await open();
});

afterEach(async () => {
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the trash', () => {
  it('moves a deleted conversation to the trash and restores it from there', async () => {
    const a = await call<ConversationSummary>('conversations:create', { title: 'Keep' });
    const b = await call<ConversationSummary>('conversations:create', { title: 'Bin me' });
    const binned = await call<ConversationSummary>('conversations:delete', { id: b.id });
    expect(binned.deletedAt).toBeGreaterThan(0);
    expect(changed).toContain(b.id);

    expect(ids(await call('conversations:list'))).toEqual([a.id]);
    expect(await call<ConversationSummary[]>('conversations:trash')).toEqual([binned]);
    expect((await call<Conversation>('conversations:get', { id: b.id })).deletedAt).toBe(binned.deletedAt);
    // Nothing new goes into a conversation in the trash.
    expect(await services.dispatch('chat:send', { conversationId: b.id, text: 'hello?' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(countRows('messages')).toBe(0);

    changed = [];
    const restored = await call<ConversationSummary>('conversations:restore', { id: b.id });
    expect(restored.deletedAt).toBeUndefined();
    expect(changed).toEqual([b.id]);
    expect(ids(await call('conversations:list')).sort()).toEqual([a.id, b.id].sort());
    expect(await call('conversations:trash')).toEqual([]);
  });

  it('purges for good only when asked: one conversation, or the whole trash', async () => {
    const a = await call<ConversationSummary>('conversations:create');
    const b = await call<ConversationSummary>('conversations:create');
    const c = await call<ConversationSummary>('conversations:create');
    const db = new DatabaseSync(path.join(dir, 'parley.db'));
    db.prepare("INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at) VALUES ('m1', ?, 1, 'user', 'gone soon', 'complete', 1)").run(a.id);
    db.close();
    await call('conversations:delete', { id: a.id });
    await call('conversations:delete', { id: b.id });

    expect(await call('conversations:purge', { id: a.id })).toEqual({ purged: true });
    expect(await call('conversations:purge', { id: a.id })).toEqual({ purged: false });
    expect(await services.dispatch('conversations:get', { id: a.id })).toMatchObject({ ok: false, error: { code: 'not_found_local' } });
    expect(countRows('messages')).toBe(0);
    expect(countRows('conversations', `id = '${a.id}'`)).toBe(0);

    expect(await call('conversations:emptyTrash')).toEqual({ purged: 1 });
    expect(ids(await call('conversations:list'))).toEqual([c.id]);
    expect(await call('conversations:trash')).toEqual([]);
    expect(await services.dispatch('conversations:delete', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found_local' } });
    expect(await services.dispatch('conversations:restore', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found_local' } });
  });

  it('purges what has been in the trash for more than 30 days when Parley starts', async () => {
    const old = await call<ConversationSummary>('conversations:create', { title: 'old' });
    const recent = await call<ConversationSummary>('conversations:create', { title: 'recent' });
    const active = await call<ConversationSummary>('conversations:create', { title: 'active' });
    await call('conversations:delete', { id: old.id });
    await call('conversations:delete', { id: recent.id });
    await services.close();

    const db = new DatabaseSync(path.join(dir, 'parley.db'));
    db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ?').run(Date.now() - TRASH_RETENTION_MS - DAY, old.id);
    db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ?').run(Date.now() - TRASH_RETENTION_MS + DAY, recent.id);
    db.close();

    services = await open();
    expect(ids(await call('conversations:trash'))).toEqual([recent.id]);
    expect(ids(await call('conversations:list'))).toEqual([active.id]);
    expect(countRows('conversations', `id = '${old.id}'`)).toBe(0);
  });
});
