import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Notice } from '../../../shared/contract/app.ts';
import { fail } from '../../../shared/errors.ts';
import { WAL_LIMIT_BYTES } from './checkpoint.ts';
import { backupCopy, hasSqliteHeader, moveAside, restoreBackup } from './dbFiles.ts';
import {
  MIGRATIONS,
  applyMigrations,
  hasTables,
  latestVersion,
  pendingMigrations,
  userVersion,
  type Migration,
} from './migrations.ts';
import { describeError, isCorruptionError, toStorageException } from './sqliteErrors.ts';

export interface OpenedDatabase {
  db: DatabaseSync;
  notices: Notice[];
}

const BUSY_TIMEOUT_MS = 5000;
/** After a checkpoint the WAL is cut back to this size, so one big import does not leave it huge. */
const WAL_SIZE_LIMIT_BYTES = WAL_LIMIT_BYTES;

/** Opens the file and touches it enough to learn whether it is a database at all. */
function connect(dbPath: string): DatabaseSync {
  const db = new DatabaseSync(dbPath, { timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    // FULL: a commit (a saved message, a 250 ms batch of a reply, an imported batch) survives a power
    // cut, not just a crash of Parley. In WAL mode that is one fsync of the WAL per commit.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function startFresh(dbPath: string, reason: string, notices: Notice[]): DatabaseSync {
  const movedTo = moveAside(dbPath);
  notices.push({
    id: randomUUID(),
    level: 'warning',
    message:
      `The conversation database could not be read (${reason}), so Parley started a fresh one. ` +
      `The old file was kept at ${movedTo}.`,
  });
  return connect(dbPath);
}

function connectOrReplace(dbPath: string, notices: Notice[]): DatabaseSync {
  if (!hasSqliteHeader(dbPath)) return startFresh(dbPath, 'file is not a database', notices);
  try {
    return connect(dbPath);
  } catch (err) {
    if (!isCorruptionError(err)) {
      throw toStorageException(err, `Could not open the conversation database at ${dbPath}`);
    }
    return startFresh(dbPath, describeError(err), notices);
  }
}

type MigrationOutcome = { ok: true } | { ok: false; reason: string; backup: string };

/** Brings the schema up to date; backs an existing database up first and restores it on failure. */
function migrate(db: DatabaseSync, dbPath: string, migrations: readonly Migration[]): MigrationOutcome {
  const current = userVersion(db);
  const target = latestVersion(migrations);
  if (current > target) {
    fail(
      'storage',
      `The conversation database at ${dbPath} was written by a newer version of Parley (schema ${current}). ` +
        `Update Parley to open it.`,
    );
  }
  const pending = pendingMigrations(migrations, current);
  if (pending.length === 0) return { ok: true };
  const backup = current > 0 || hasTables(db) ? backupCopy(db, dbPath, current) : undefined;
  try {
    applyMigrations(db, pending);
    return { ok: true };
  } catch (err) {
    if (!backup) throw err; // a brand-new database that cannot be set up: nothing to keep, a bug
    db.close();
    restoreBackup(backup, dbPath);
    return { ok: false, reason: describeError(err), backup };
  }
}

/** A database this version cannot upgrade is put aside unchanged (never deleted) and the app starts
 *  on an empty one, saying where the old file went; a later version of Parley may open it. */
function setAsideUnmigratable(dbPath: string, reason: string, notices: Notice[]): void {
  const movedTo = moveAside(dbPath, 'unmigrated');
  notices.push({
    id: randomUUID(),
    level: 'error',
    message:
      `Parley could not upgrade the conversation database (${reason}), so it started with an empty one. ` +
      `Your conversations were not changed: the database was moved to ${movedTo}. Keep that file; ` +
      `an update of Parley, or its support, can open it.`,
  });
}

export function openDatabase(dbPath: string, migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  const notices: Notice[] = [];
  try {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  } catch (err) {
    throw toStorageException(err, `Could not create the folder for the conversation database ${dbPath}`);
  }
  let db = connectOrReplace(dbPath, notices);
  try {
    const outcome = migrate(db, dbPath, migrations);
    if (!outcome.ok) {
      setAsideUnmigratable(dbPath, outcome.reason, notices);
      db = connect(dbPath);
      const fresh = migrate(db, dbPath, migrations);
      if (!fresh.ok) fail('storage', `Could not set up a new conversation database: ${fresh.reason}.`);
    }
  } catch (err) {
    if (db.isOpen) db.close();
    throw toStorageException(err, `Could not prepare the conversation database at ${dbPath}`);
  }
  return { db, notices };
}
