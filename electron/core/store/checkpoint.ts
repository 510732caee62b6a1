import { statSync } from 'node:fs';
import type { StoreDb } from './storeDb.ts';

/** The WAL is cut back to this size once everything in it is in the database. */
export const WAL_LIMIT_BYTES = 4 * 1024 * 1024;
const PAGE_BYTES = 4096;

/** A passive checkpoint (copies what it can, waits for nobody); when that emptied the WAL and the file
 *  is larger than WAL_LIMIT_BYTES, it is truncated, so the WAL stays small at rest too (SQLite only
 *  trims it when a writer next starts over). Answers the WAL's pages before and whether it was cut. */
export function checkpointWal(db: StoreDb): { walPages: number; checkpointed: number; truncated: boolean } {
  const row = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() ?? {};
  const walPages = Number(row['log'] ?? 0);
  const checkpointed = Number(row['checkpointed'] ?? 0);
  let truncated = false;
  if (walPages > 0 && checkpointed === walPages && walPages * PAGE_BYTES > WAL_LIMIT_BYTES) {
    // Everything is already copied: TRUNCATE only resets the file (the worker is its only connection).
    db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
    truncated = true;
  }
  return { walPages, checkpointed, truncated };
}

const walFiles = new WeakMap<StoreDb, string | null>();

/** The WAL file's size now (0 for an in-memory database or before the WAL exists): a stat, no query
 *  after the first call. Lets a long writer (an import) checkpoint by size as well as by time. */
export function walBytes(db: StoreDb): number {
  let file = walFiles.get(db);
  if (file === undefined) {
    const main = db.prepare('PRAGMA database_list').all().find((row) => row['name'] === 'main');
    const path = typeof main?.['file'] === 'string' ? main['file'] : '';
    file = path ? `${path}-wal` : null;
    walFiles.set(db, file);
  }
  if (!file) return 0;
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
