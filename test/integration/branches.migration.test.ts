import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../electron/core/search/SearchService.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { MIGRATIONS, latestVersion } from '../../electron/core/store/migrations.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-branch-migrate-'));
  dbPath = path.join(dir, 'parley.db');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A database as the release before branches wrote it (schema 3). */
function seedVersion3(): void {
  const { db } = openDatabase(dbPath, MIGRATIONS.filter((m) => m.version <= 3));
  db.exec(`
    INSERT INTO conversations (id, title, created_at, updated_at, deleted_at) VALUES
      ('c1', 'Volcanoes', 1000, 5000, NULL), ('c2', 'New chat', 1500, 1500, NULL), ('c3', 'Binned', 100, 200, 300);
    INSERT INTO messages (id, conversation_id, seq, role, content, status, usage, created_at) VALUES
      ('m1', 'c1', 1, 'user', 'Why do volcanoes erupt?', 'complete', NULL, 1000),
      ('m2', 'c1', 2, 'assistant', 'Magma rises.', 'complete', '{"promptTokens":10,"completionTokens":5,"totalTokens":15}', 2000),
      ('m3', 'c1', 3, 'user', 'How hot is it?', 'complete', NULL, 3000),
      ('m4', 'c1', 4, 'assistant', 'Very hot.', 'complete', '{"promptTokens":30,"completionTokens":2,"totalTokens":32,"reasoningTokens":1}', 4000),
      ('m5', 'c3', 1, 'user', 'In the bin', 'complete', NULL, 150);
  `);
  db.close();
}

function version(file: string): unknown {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare('PRAGMA user_version').get()?.['user_version'];
  } finally {
    db.close();
  }
}

describe('upgrading a schema-3 database to branches', () => {
  it('turns each conversation into one chain in its order on screen, backed up first', () => {
    seedVersion3();
    const store = ConversationStore.open(dbPath);
    try {
      expect(store.notices).toEqual([]);
      expect(version(`${dbPath}.bak-v3`)).toBe(3);
      expect(version(dbPath)).toBe(latestVersion(MIGRATIONS));

      const c1 = store.getConversation('c1')!;
      expect(c1.messages.map((m) => [m.id, m.parentId, m.siblingIndex, m.siblingCount])).toEqual([
        ['m1', null, 1, 1],
        ['m2', 'm1', 1, 1],
        ['m3', 'm2', 1, 1],
        ['m4', 'm3', 1, 1],
      ]);
      expect(c1).toMatchObject({ source: 'main', pinned: false, settings: {} });
      expect(c1.totals).toEqual({ promptTokens: 40, completionTokens: 7, totalTokens: 47, reasoningTokens: 1, cachedTokens: 0 });
      expect(store.getConversation('c3')).toMatchObject({ deletedAt: 300, messages: [{ id: 'm5', parentId: null }] });
      expect(store.historyTo('m3').map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);

      // New messages continue the chain; a second version of a reply branches off the migrated one.
      const next = store.addUserMessage('c1', { text: 'Thanks', images: [] });
      expect(next.parentId).toBe('m4');
      const other = store.startAssistantMessage('c1', 'gpt-5.2', 'm3');
      store.finishMessage(other.id, { status: 'complete', tail: 'Over 1000 °C.' });
      expect(store.getConversation('c1')!.messages.map((m) => [m.id, m.siblingIndex, m.siblingCount])).toEqual([
        ['m1', 1, 1],
        ['m2', 1, 1],
        ['m3', 1, 1],
        [other.id, 2, 2],
      ]);
      expect(new SearchService(store.db).search('volcanoes erupt').map((r) => r.messageId)).toEqual(['m1']);
    } finally {
      store.close();
    }
  });

  it('lets a conversation still called "New chat" take its first words, and keeps other titles', () => {
    seedVersion3();
    const store = ConversationStore.open(dbPath);
    try {
      store.addUserMessage('c2', { text: 'Planning a garden for spring', images: [] });
      store.addUserMessage('c1', { text: 'Another question', images: [] });
      expect(store.getConversation('c2')!.title).toBe('Planning a garden for spring');
      expect(store.getConversation('c1')!.title).toBe('Volcanoes');
    } finally {
      store.close();
    }
  });
});
