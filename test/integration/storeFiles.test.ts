import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { MIGRATIONS, latestVersion, type Migration } from '../../electron/core/store/migrations.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-files-'));
  dbPath = path.join(dir, 'parley.db');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function seedV1(): string {
  const store = ConversationStore.open(dbPath);
  const id = store.createConversation('Keep me').id;
  store.addUserMessage(id, { text: 'precious', images: [] });
  store.close();
  return id;
}

function titles(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare('SELECT title FROM conversations').all().map((row) => String(row['title']));
  } finally {
    db.close();
  }
}

// Migrations one past the current schema, applied to a database seeded at the current schema.
const CURRENT = latestVersion(MIGRATIONS);
const addColumn: Migration = { version: CURRENT + 1, up: (db) => db.exec('ALTER TABLE conversations ADD COLUMN archived INTEGER NOT NULL DEFAULT 0') };
// Fails on a database with conversations in it (after deleting them), works on an empty one.
const broken: Migration = {
  version: CURRENT + 1,
  up: (db) => {
    if (db.prepare('SELECT count(*) AS n FROM conversations').get()?.['n'] === 0) return;
    db.exec('DELETE FROM messages; DELETE FROM conversations');
    db.exec('THIS IS NOT SQL');
  },
};

describe('database files', () => {
  it('backs an existing database up before upgrading it', () => {
    seedV1();
    const { db, notices } = openDatabase(dbPath, [...MIGRATIONS, addColumn]);
    try {
      expect(db.prepare('PRAGMA user_version').get()?.['user_version']).toBe(CURRENT + 1);
      expect(db.prepare('SELECT archived FROM conversations').get()?.['archived']).toBe(0);
    } finally {
      db.close();
    }
    expect(notices).toEqual([]);
    expect(titles(`${dbPath}.bak-v${CURRENT}`)).toEqual(['Keep me']);
  });

  it('makes no backup of a brand-new database', () => {
    ConversationStore.open(dbPath).close();
    expect(fs.readdirSync(dir).filter((name) => name.includes('.bak-'))).toEqual([]);
  });

  it('restores the backup, keeps the database it could not upgrade aside and starts fresh, saying where it went', () => {
    seedV1();
    const { db, notices } = openDatabase(dbPath, [...MIGRATIONS, broken]);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM conversations').get()?.['n']).toBe(0);
    } finally {
      db.close();
    }
    expect(notices.map((n) => n.level)).toEqual(['error']);
    const message = notices[0]!.message;
    expect(message).toContain('could not upgrade the conversation database');
    const moved = fs.readdirSync(dir).filter((name) => /^parley\.db\.unmigrated-[\dTZ-]+$/.test(name));
    expect(moved).toHaveLength(1);
    expect(message).toContain(path.join(dir, moved[0]!));
    // The file set aside is the database as it was before the failed upgrade.
    expect(titles(path.join(dir, moved[0]!))).toEqual(['Keep me']);
  });

  it('refuses a database from a newer version instead of touching it', () => {
    seedV1();
    const db = new DatabaseSync(dbPath);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => ConversationStore.open(dbPath)).toThrow(/newer version of Parley/);
    expect(titles(dbPath)).toEqual(['Keep me']);
  });

  it('moves a corrupt file aside (never deletes it), starts fresh and says where the old file went', () => {
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 73 + 11) % 256));
    fs.writeFileSync(dbPath, garbage);
    fs.writeFileSync(`${dbPath}-wal`, 'stale wal');

    const store = ConversationStore.open(dbPath);
    try {
      expect(store.listConversations()).toEqual([]);
      store.createConversation('fresh');
      expect(store.notices).toHaveLength(1);
      const notice = store.notices[0]!;
      expect(notice.level).toBe('warning');

      const moved = fs.readdirSync(dir).filter((name) => /^parley\.db\.corrupt-[\dTZ-]+$/.test(name));
      expect(moved).toHaveLength(1);
      const movedPath = path.join(dir, moved[0]!);
      expect(notice.message).toContain(movedPath);
      expect(fs.readFileSync(movedPath)).toEqual(garbage);
      expect(fs.readFileSync(`${movedPath}-wal`, 'utf8')).toBe('stale wal');
    } finally {
      store.close();
    }
    expect(titles(dbPath)).toEqual(['fresh']);
  });

  it('also moves aside a file with a SQLite header but damaged contents', () => {
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080, 0xab)]);
    fs.writeFileSync(dbPath, damaged);
    const store = ConversationStore.open(dbPath);
    try {
      expect(store.notices.map((n) => n.level)).toEqual(['warning']);
      expect(store.listConversations()).toEqual([]);
    } finally {
      store.close();
    }
    const moved = fs.readdirSync(dir).filter((name) => /^parley\.db\.corrupt-[\dTZ-]+$/.test(name));
    expect(moved).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, moved[0]!))).toEqual(damaged);
  });
});
