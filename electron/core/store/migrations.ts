import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './transaction.ts';

export interface Migration {
  /** The PRAGMA user_version the database has once this migration ran. */
  version: number;
  up(db: DatabaseSync): void;
}

// Chunks live in their own table so that streaming appends are small inserts, never a rewrite of
// the whole message; finishMessage folds them into messages.content and deletes them. The table only
// ever holds replies in flight, so it has no index: each append then dirties a single page.
const SCHEMA_V1 = `
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX conversations_by_update ON conversations (updated_at DESC);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  content TEXT NOT NULL DEFAULT '',
  images TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL,
  model TEXT,
  usage TEXT,
  error TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX messages_by_conversation ON messages (conversation_id, seq);
CREATE INDEX messages_by_status ON messages (status) WHERE status = 'streaming';

CREATE TABLE message_chunks (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
`;

export const MIGRATIONS: readonly Migration[] = [{ version: 1, up: (db) => db.exec(SCHEMA_V1) }];

export function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const value = row?.['user_version'];
  return typeof value === 'number' ? value : 0;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

export function pendingMigrations(migrations: readonly Migration[], current: number): Migration[] {
  return migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
}

/** Each migration and its version bump commit together, so a failure leaves the previous version. */
export function applyMigrations(db: DatabaseSync, pending: readonly Migration[]): void {
  for (const migration of pending) {
    inTransaction(db, () => {
      migration.up(db);
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
    });
  }
}

export function hasTables(db: DatabaseSync): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
}
