import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { MIGRATIONS } from '../../electron/core/store/migrations.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-reasoning-'));
  dbPath = path.join(dir, 'parley.db');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const userVersion = (file: string): unknown => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare('PRAGMA user_version').get()?.['user_version'];
  } finally {
    db.close();
  }
};

describe('schema 6: reasoning', () => {
  it('upgrades a schema-4 database after a backup, keeping every reply, with no reasoning on old ones', () => {
    const { db } = openDatabase(dbPath, MIGRATIONS.filter((m) => m.version <= 4));
    db.exec(`
      INSERT INTO conversations (id, title, created_at, updated_at, selected_root_id) VALUES ('c1', 'Old', 1000, 2000, 'm1');
      INSERT INTO messages (id, conversation_id, parent_id, selected_child_id, seq, role, content, status, created_at) VALUES
        ('m1', 'c1', NULL, 'm2', 1, 'user', 'Hi', 'complete', 1000),
        ('m2', 'c1', 'm1', NULL, 2, 'assistant', 'Hello.', 'complete', 2000);
    `);
    db.close();

    const store = ConversationStore.open(dbPath);
    try {
      expect(userVersion(`${dbPath}.bak-v4`)).toBe(4);
      expect(userVersion(dbPath)).toBe(6);
      const [, reply] = store.getConversation('c1')?.messages ?? [];
      expect(reply?.content).toBe('Hello.');
      expect(reply).not.toHaveProperty('reasoning');
    } finally {
      store.close();
    }
  });

  it('saves the thinking, its duration and the answering model with the ending', () => {
    const store = ConversationStore.open(dbPath);
    try {
      const conversation = store.createConversation();
      store.addUserMessage(conversation.id, { text: 'Think', images: [] });
      const reply = store.startAssistantMessage(conversation.id, 'evolink/auto');
      store.appendToMessage(reply.id, 'Done.');
      const saved = store.finishMessage(reply.id, { status: 'complete', reasoning: 'Hmm, let me see.', reasoningMs: 1500, model: 'gpt-5.2' });
      expect(saved).toMatchObject({ content: 'Done.', reasoning: 'Hmm, let me see.', reasoningMs: 1500, model: 'gpt-5.2' });
      // A reply that did not name its model keeps the one asked for.
      const other = store.startAssistantMessage(conversation.id, 'evolink/auto');
      expect(store.finishMessage(other.id, { status: 'complete' })).toMatchObject({ model: 'evolink/auto' });
    } finally {
      store.close();
    }
  });
});
