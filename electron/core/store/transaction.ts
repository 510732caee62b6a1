import type { DatabaseSync } from 'node:sqlite';

/** Runs fn inside BEGIN IMMEDIATE … COMMIT; any throw rolls back and rethrows. */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
