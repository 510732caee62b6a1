import type { DatabaseSync } from 'node:sqlite';
import { SCHEMA_V1 } from './schemaV1.ts';
import { SCHEMA_V2 } from './schemaV2.ts';
import { SCHEMA_V3 } from './schemaV3.ts';
import { SCHEMA_V4 } from './schemaV4.ts';
import { migrateToV5 } from './schemaV5.ts';
import { SCHEMA_V6_REASONING } from './schemaV6Reasoning.ts';
import { inTransaction } from './transaction.ts';

export interface Migration {
  /** The PRAGMA user_version the database has once this migration ran. */
  version: number;
  up(db: DatabaseSync): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(SCHEMA_V1) },
  { version: 2, up: (db) => db.exec(SCHEMA_V2) },
  { version: 3, up: (db) => db.exec(SCHEMA_V3) },
  { version: 4, up: (db) => db.exec(SCHEMA_V4) },
  { version: 5, up: migrateToV5 },
  { version: 6, up: (db) => db.exec(SCHEMA_V6_REASONING) },
];

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

function checkForeignKeys(db: DatabaseSync): void {
  const broken = db.prepare('PRAGMA foreign_key_check').all();
  if (broken.length > 0) throw new Error(`${broken.length} rows point at rows that no longer exist`);
}

/** Each migration and its version bump commit together, so a failure leaves the previous version.
 *  Foreign keys are off meanwhile (SQLite's recipe for rebuilding a table; it can only be switched
 *  outside a transaction) and checked before each commit instead. */
export function applyMigrations(db: DatabaseSync, pending: readonly Migration[]): void {
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    for (const migration of pending) {
      inTransaction(db, () => {
        migration.up(db);
        checkForeignKeys(db);
        db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      });
    }
  } finally {
    if (db.isOpen) db.exec('PRAGMA foreign_keys = ON');
  }
}

export function hasTables(db: DatabaseSync): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
}
