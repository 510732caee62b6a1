import fs from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';

const SIDE_FILES = ['-wal', '-shm'] as const;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** False when a file exists, is not empty and lacks SQLite's magic header. Checked before SQLite
 *  opens it, because closing a connection to a broken file can delete the file's -wal. */
export function hasSqliteHeader(dbPath: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(dbPath, 'r');
  } catch {
    return true; // missing (a fresh start) or unreadable: SQLite reports the latter properly
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === 0 || (read === head.length && head.equals(SQLITE_HEADER));
  } finally {
    fs.closeSync(fd);
  }
}

/** A file-name-safe timestamp, e.g. 2025-11-25T02-00-00-000Z. */
export function fileTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function firstFreePath(preferred: string): string {
  return fs.existsSync(preferred) ? `${preferred}-${fileTimestamp()}` : preferred;
}

/** Renames a damaged (or un-upgradable) database and its -wal/-shm out of the way; never deletes it. */
export function moveAside(dbPath: string, label: 'corrupt' | 'unmigrated' = 'corrupt'): string {
  const target = firstFreePath(`${dbPath}.${label}-${fileTimestamp()}`);
  fs.renameSync(dbPath, target);
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, target + suffix);
  }
  return target;
}

/** A consistent copy of the open database (VACUUM INTO), e.g. parley.db.bak-v1. */
export function backupCopy(db: DatabaseSync, dbPath: string, version: number): string {
  const target = firstFreePath(`${dbPath}.bak-v${version}`);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Puts a backup back in place of a closed database. */
export function restoreBackup(backupPath: string, dbPath: string): void {
  for (const suffix of SIDE_FILES) fs.rmSync(dbPath + suffix, { force: true });
  fs.copyFileSync(backupPath, dbPath);
}
