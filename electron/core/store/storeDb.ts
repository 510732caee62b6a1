import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { fail } from '../../../shared/errors.ts';
import { toStorageException } from './sqliteErrors.ts';
import { inTransaction } from './transaction.ts';

/** The open conversation database, shared by the store, search, drafts and import/export: one
 *  connection, cached statements, one clock, and one way to turn failures into 'storage' errors. */
export class StoreDb {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  #lastTime = 0;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  get isOpen(): boolean {
    return this.#db.isOpen;
  }

  /** A prepared statement, cached by its text. */
  prepare(text: string): StatementSync {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  exec(text: string): void {
    this.#db.exec(text);
  }

  /** BEGIN IMMEDIATE … COMMIT; inside an open transaction fn simply joins it. */
  transaction<T>(fn: () => T): T {
    return this.#db.isTransaction ? fn() : inTransaction(this.#db, fn);
  }

  /** Strictly increasing timestamps, so ordering by time is stable within a process. */
  now(): number {
    const now = Date.now();
    this.#lastTime = now > this.#lastTime ? now : this.#lastTime + 1;
    return this.#lastTime;
  }

  /** Runs fn, turning any low-level failure into a 'storage' error that says what could not be done. */
  guard<T>(what: string, fn: () => T): T {
    if (!this.#db.isOpen) fail('storage', 'The conversation database is closed.');
    try {
      return fn();
    } catch (err) {
      throw toStorageException(err, `Could not ${what}`);
    }
  }

  close(): void {
    this.#statements.clear();
    if (this.#db.isOpen) this.#db.close();
  }
}
