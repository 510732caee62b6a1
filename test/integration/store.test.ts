import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppErrorException } from '../../shared/errors.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { MIGRATIONS, latestVersion } from '../../electron/core/store/migrations.ts';

let dir: string;
let dbPath: string;
let store: ConversationStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-store-'));
  dbPath = path.join(dir, 'nested', 'parley.db');
  store = ConversationStore.open(dbPath);
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppErrorException ? err.error.code : `not an AppErrorException: ${String(err)}`;
  }
  return undefined;
}

function fileBytes(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

describe('ConversationStore', () => {
  it('creates its folder and a WAL database with the pragmas set', () => {
    expect(store.path).toBe(dbPath);
    expect(store.notices).toEqual([]);
    const peek = new DatabaseSync(dbPath);
    try {
      expect(peek.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal');
      expect(peek.prepare('PRAGMA user_version').get()?.['user_version']).toBe(latestVersion(MIGRATIONS));
    } finally {
      peek.close();
    }
  });

  it('creates, lists (most recent first) and reads conversations', () => {
    const a = store.createConversation();
    const b = store.createConversation('  Trip plans  ');
    expect(a.title).toBe('New chat');
    expect(b.title).toBe('Trip plans');
    expect(store.listConversations().map((c) => c.id)).toEqual([b.id, a.id]);

    store.addUserMessage(a.id, { text: 'hello', images: [] });
    const list = store.listConversations();
    expect(list.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(list[0]!.updatedAt).toBeGreaterThan(a.updatedAt);
    const noUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0, reasoningTokens: 0, cachedTokens: 0 };
    expect(store.getConversation(b.id)).toEqual({ ...b, messages: [], settings: {}, totals: noUsage, hasOlder: false, hasNewer: false, messageCount: 0 });
    expect(store.getConversation('nope')).toBeUndefined();
  });

  it('keeps messages in order with images, and titles a new chat from its first words', () => {
    const c = store.createConversation();
    const image = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', name: 'dot.png' };
    const user = store.addUserMessage(c.id, {
      text: 'Please explain how   photosynthesis works in desert plants today',
      images: [image],
    });
    // Stored once by the SHA-256 of its bytes, and referenced by URL.
    const stored = { id: createHash('sha256').update(Buffer.from('iVBORw0KGgo=', 'base64')).digest('hex'), mimeType: 'image/png', bytes: 8, name: 'dot.png' };
    expect(user).toMatchObject({ role: 'user', status: 'complete', images: [{ ...stored, url: `parley-image://image/${stored.id}` }], conversationId: c.id });
    const reply = store.startAssistantMessage(c.id, 'gpt-5.2');
    expect(reply).toMatchObject({ role: 'assistant', status: 'streaming', content: '', model: 'gpt-5.2' });

    const got = store.getConversation(c.id)!;
    expect(got.title).toBe('Please explain how photosynthesis works in…');
    expect(got.messages.map((m) => m.id)).toEqual([user.id, reply.id]);

    store.addUserMessage(c.id, { text: 'Another question', images: [] });
    expect(store.getConversation(c.id)!.title).toBe('Please explain how photosynthesis works in…');
  });

  it('limits titles to about 60 characters and leaves image-only chats untitled', () => {
    const c = store.createConversation();
    store.addUserMessage(c.id, { text: '', images: [{ dataUrl: 'data:image/png;base64,AAAA' }] });
    expect(store.getConversation(c.id)!.title).toBe('New chat');
    store.addUserMessage(c.id, { text: 'Supercalifragilisticexpialidocious'.repeat(3), images: [] });
    const title = store.getConversation(c.id)!.title;
    expect(title.length).toBeLessThanOrEqual(61);
    expect(title.endsWith('…')).toBe(true);
  });

  it('streams into chunks, shows them while streaming, and folds them in on finish', () => {
    const c = store.createConversation();
    const reply = store.startAssistantMessage(c.id, 'm');
    store.appendToMessage(reply.id, 'Hel');
    store.appendToMessage(reply.id, 'lo');
    expect(store.getConversation(c.id)!.messages[0]).toMatchObject({ content: 'Hello', status: 'streaming' });

    const usage = { promptTokens: 3, completionTokens: 2, totalTokens: 5, reasoningTokens: 1, cachedTokens: 0 };
    const done = store.finishMessage(reply.id, { status: 'complete', usage });
    expect(done).toMatchObject({ content: 'Hello', status: 'complete', usage });

    const peek = new DatabaseSync(dbPath, { readOnly: true });
    try {
      expect(peek.prepare('SELECT count(*) AS n FROM message_chunks').get()?.['n']).toBe(0);
      expect(peek.prepare('SELECT content FROM messages WHERE id = ?').get(reply.id)?.['content']).toBe('Hello');
    } finally {
      peek.close();
    }
    expect(codeOf(() => store.appendToMessage(reply.id, 'late'))).toBe('internal');
  });

  it('stores an error with the message', () => {
    const c = store.createConversation();
    const reply = store.startAssistantMessage(c.id, 'm');
    store.appendToMessage(reply.id, 'partial');
    const error = { code: 'network' as const, message: 'Could not reach x.' };
    expect(store.finishMessage(reply.id, { status: 'error', error })).toMatchObject({ status: 'error', content: 'partial', error });
  });

  it('refuses unknown ids with not_found_local', () => {
    expect(codeOf(() => store.addUserMessage('missing', { text: 'hi', images: [] }))).toBe('not_found_local');
    expect(codeOf(() => store.startAssistantMessage('missing', 'm'))).toBe('not_found_local');
    expect(codeOf(() => store.appendToMessage('missing', 'x'))).toBe('not_found_local');
    expect(codeOf(() => store.finishMessage('missing', { status: 'complete' }))).toBe('not_found_local');
  });

  it('appends in time and space proportional to the appended text', () => {
    const c = store.createConversation();
    const reply = store.startAssistantMessage(c.id, 'm');
    const before = fileBytes(dbPath) + fileBytes(`${dbPath}-wal`);
    const kb = 'x'.repeat(1024);
    for (let i = 0; i < 100; i++) store.appendToMessage(reply.id, kb);
    const grown = fileBytes(dbPath) + fileBytes(`${dbPath}-wal`) - before;
    // Rewriting the whole message on each append would write about 5 MB here.
    expect(grown).toBeGreaterThan(100 * 1024);
    expect(grown).toBeLessThan(10 * 100 * 1024);
    expect(store.finishMessage(reply.id, { status: 'complete' }).content.length).toBe(100 * 1024);
  });

  it('costs the same to append to a long reply as to a short one', () => {
    const c = store.createConversation();
    const growthOf20Appends = (messageId: string): number => {
      const before = fileBytes(dbPath) + fileBytes(`${dbPath}-wal`);
      for (let i = 0; i < 20; i++) store.appendToMessage(messageId, 'y'.repeat(512));
      return fileBytes(dbPath) + fileBytes(`${dbPath}-wal`) - before;
    };
    const short = store.startAssistantMessage(c.id, 'm');
    const shortGrowth = growthOf20Appends(short.id);
    const long = store.startAssistantMessage(c.id, 'm');
    store.appendToMessage(long.id, 'z'.repeat(1024 * 1024));
    const longGrowth = growthOf20Appends(long.id);
    // A rewrite of the whole content per append would cost about 20 MB here.
    expect(longGrowth).toBeLessThan(2 * shortGrowth + 64 * 1024);
  });

  it('marks replies that were streaming when the app died as interrupted, keeping their text', () => {
    const c = store.createConversation();
    const user = store.addUserMessage(c.id, { text: 'hi', images: [] });
    const reply = store.startAssistantMessage(c.id, 'm');
    store.appendToMessage(reply.id, 'half a rep');
    store.close(); // no finishMessage: as if the process died

    store = ConversationStore.open(dbPath);
    expect(store.recoverInterrupted()).toBe(1);
    expect(store.recoverInterrupted()).toBe(0);
    const messages = store.getConversation(c.id)!.messages;
    expect(messages.map((m) => [m.id, m.status, m.content])).toEqual([
      [user.id, 'complete', 'hi'],
      [reply.id, 'interrupted', 'half a rep'],
    ]);
  });

  it('fails with a storage error once closed', () => {
    store.close();
    expect(codeOf(() => store.listConversations())).toBe('storage');
  });
});
