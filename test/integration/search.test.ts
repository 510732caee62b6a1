import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchPage, SearchResult } from '../../shared/contract/conversations.ts';
import { createServices } from '../../electron/core/services.ts';
import { SearchService } from '../../electron/core/search/SearchService.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { TrashService } from '../../electron/core/store/trash.ts';

let dir: string;
let dbPath: string;
let store: ConversationStore;
let search: SearchService;
let trash: TrashService;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-search-'));
  dbPath = path.join(dir, 'parley.db');
  store = ConversationStore.open(dbPath);
  search = new SearchService(store.db);
  trash = new TrashService(store.db, { emit: () => undefined });
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A conversation with a question and a finished answer. */
function chat(question: string, answer: string): { id: string; userId: string; replyId: string } {
  const { id } = store.createConversation();
  const user = store.addUserMessage(id, { text: question, images: [] });
  const reply = store.startAssistantMessage(id, 'gpt-5.2');
  store.appendToMessage(reply.id, answer);
  store.finishMessage(reply.id, { status: 'complete' });
  return { id, userId: user.id, replyId: reply.id };
}

const plain = (result: SearchResult): string => result.snippet.map((s) => s.text).join('');
const marked = (result: SearchResult): string[] => result.snippet.filter((s) => s.match).map((s) => s.text);

function checkIndex(): void {
  const db = new DatabaseSync(dbPath);
  try {
    db.exec("INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)");
  } finally {
    db.close();
  }
}

describe('full-text search', () => {
  it('finds words in every conversation, with highlighted snippets, title and role', () => {
    const plants = chat('How does photosynthesis work in desert plants?', 'Desert plants use CAM photosynthesis to save water.');
    const bread = chat('How do I bake bread?', 'Knead the dough, let it rise, then bake it hot.');
    const results = search.search('photosynthesis');
    expect(results.map((r) => [r.conversationId, r.messageId, r.role])).toEqual(
      expect.arrayContaining([
        [plants.id, plants.userId, 'user'],
        [plants.id, plants.replyId, 'assistant'],
      ]),
    );
    expect(results).toHaveLength(2);
    const reply = results.find((r) => r.role === 'assistant')!;
    expect(reply.conversationTitle).toBe('How does photosynthesis work in desert…');
    expect(plain(reply)).toBe('Desert plants use CAM photosynthesis to save water.');
    expect(marked(reply)).toEqual(['photosynthesis']);
    expect(reply.createdAt).toBe(store.getMessage(plants.replyId)!.createdAt);
    expect(search.search('dough').map((r) => r.messageId)).toEqual([bread.replyId]);
    expect(search.search('desert water').map((r) => r.messageId)).toEqual([plants.replyId]);
    expect(search.search('submarine')).toEqual([]);
  });

  it('matches the last word as a prefix while typing, ignoring case and accents', () => {
    const { replyId } = chat('Coffee', 'The Café serves Crème brûlée.');
    expect(search.search('photo')).toEqual([]);
    expect(search.search('cafe').map((r) => r.messageId)).toEqual([replyId]);
    expect(search.search('CREME BRU').map((r) => r.messageId)).toEqual([replyId]);
    expect(marked(search.search('creme bru')[0]!)).toEqual(['Crème', 'brûlée']);
    // A finished word (followed by a space) is a whole word.
    expect(search.search('bru ')).toEqual([]);
  });

  it('treats whatever the user types as text: no FTS syntax error ever reaches them', () => {
    chat('Use AND or OR (not NEAR) with "quotes" and col:on', 'the * star ^ caret - minus + plus');
    const inputs = ['"', '""', 'AND', 'OR NOT', '(', ')', 'a OR', 'NEAR(a b)', 'content:quotes', '-minus', '^caret', '*', 'a*b', '{x}', '\\', "'", '🙂', '', '   ', 'x'.repeat(400), '\u0000nul'];
    for (const input of inputs) expect(() => search.search(input), input).not.toThrow();
    expect(search.search('"quotes"').length).toBe(1);
    expect(search.search('(not NEAR').length).toBe(1);
    expect(search.search('col:on').length).toBe(1);
  });

  it('returns snippets as plain text segments, so markup in a message stays text', () => {
    const { replyId } = chat('html', 'Type <b>bold</b> and <script>alert(1)</script> here');
    const [result] = search.search('script');
    expect(result!.messageId).toBe(replyId);
    expect(plain(result!)).toBe('Type <b>bold</b> and <script>alert(1)</script> here');
    expect(marked(result!)).toEqual(['script', 'script']);
  });

  it('indexes a streaming reply only once it is finished or recovered as interrupted', () => {
    const { id } = store.createConversation();
    const reply = store.startAssistantMessage(id, 'm');
    store.appendToMessage(reply.id, 'ephemeral zeppelin text');
    expect(search.search('zeppelin')).toEqual([]);
    store.close();
    store = ConversationStore.open(dbPath);
    search = new SearchService(store.db);
    expect(store.recoverInterrupted()).toBe(1);
    expect(search.search('zeppelin').map((r) => r.messageId)).toEqual([reply.id]);
    checkIndex();
  });

  it('leaves out conversations in the trash, and forgets purged ones', () => {
    const kept = chat('kept', 'a shared word: marmalade');
    const binned = chat('binned', 'also marmalade');
    trash.moveToTrash(binned.id);
    expect(search.search('marmalade').map((r) => r.conversationId)).toEqual([kept.id]);
    trash.restore(binned.id);
    expect(search.search('marmalade')).toHaveLength(2);
    trash.purge(binned.id);
    expect(search.search('marmalade').map((r) => r.conversationId)).toEqual([kept.id]);
    checkIndex();
  });

  it('honours the limit and answers through the call, refusing a query that is too long', async () => {
    for (let i = 0; i < 5; i++) chat(`question ${i}`, `answer about kites number ${i}`);
    expect(search.search('kites', 3)).toHaveLength(3);
    store.close();
    const services = await createServices({
      mode: 'browser',
      dataDir: dir,
      version: '0.0.0-test',
      env: {},
      settingsBackend: createConfBackend,
      keychain: () => Promise.reject(new Error('no keychain in this test')),
      events: { emit: () => undefined },
    });
    try {
      const found = await services.dispatch('conversations:search', { query: 'kites', limit: 2 });
      expect(found.ok && (found.value as SearchPage).results.length).toBe(2);
      expect(found.ok && (found.value as SearchPage).hasMore).toBe(true);
      const tooLong = await services.dispatch('conversations:search', { query: 'k'.repeat(501) });
      expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      await services.close();
      store = ConversationStore.open(dbPath);
    }
  });
});
