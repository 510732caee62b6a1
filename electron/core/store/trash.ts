import type { ConversationSummary } from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import type { EventSink } from '../ports.ts';
import { deleteOrphanImages } from './images.ts';
import { toSummary } from './rows.ts';
import type { StoreDb } from './storeDb.ts';

/** How long a deleted conversation stays restorable. */
export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

const SQL = {
  conversation: 'SELECT * FROM conversations WHERE id = ?',
  trash: 'UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
  restore: 'UPDATE conversations SET deleted_at = NULL WHERE id = ?',
  // deleted_at < 0 marks a conversation still being imported: not in the trash.
  list: 'SELECT * FROM conversations WHERE deleted_at >= 0 ORDER BY deleted_at DESC, rowid DESC',
  purge: 'DELETE FROM conversations WHERE id = ?',
  purgeTrash: 'DELETE FROM conversations WHERE deleted_at >= 0 AND deleted_at <= ?',
} as const;

const GONE = 'That conversation no longer exists.';

/** Deleting is moving to the trash; only purge (explicit, or 30 days later) deletes for good.
 *  Messages, search entries and the draft go with a purged conversation (cascade and triggers). */
export class TrashService {
  readonly #db: StoreDb;
  readonly #events: EventSink;

  constructor(db: StoreDb, events: EventSink) {
    this.#db = db;
    this.#events = events;
  }

  moveToTrash(id: string): ConversationSummary {
    const summary = this.#db.guard('move the conversation to the trash', () => {
      this.#db.prepare(SQL.trash).run(this.#db.now(), id);
      return this.#summary(id);
    });
    this.#changed(id);
    return summary;
  }

  list(): ConversationSummary[] {
    return this.#db.guard('read the trash', () => this.#db.prepare(SQL.list).all().map(toSummary));
  }

  restore(id: string): ConversationSummary {
    const summary = this.#db.guard('restore the conversation', () => {
      this.#db.prepare(SQL.restore).run(id);
      return this.#summary(id);
    });
    this.#changed(id);
    return summary;
  }

  /** False when there was no such conversation. */
  purge(id: string): boolean {
    const purged = this.#db.guard('delete the conversation', () =>
      this.#db.transaction(() => {
        const gone = Number(this.#db.prepare(SQL.purge).run(id).changes) > 0;
        if (gone) deleteOrphanImages(this.#db);
        return gone;
      }),
    );
    if (purged) this.#changed(id);
    return purged;
  }

  /** Deletes for good everything that went to the trash at or before `cutoff` (ms); the count. */
  purgeDeletedBefore(cutoff: number): number {
    const count = this.#db.guard('empty the trash', () =>
      this.#db.transaction(() => {
        const count = Number(this.#db.prepare(SQL.purgeTrash).run(cutoff).changes);
        if (count > 0) deleteOrphanImages(this.#db);
        return count;
      }),
    );
    if (count > 0) this.#changed(undefined);
    return count;
  }

  empty(): number {
    return this.purgeDeletedBefore(Number.MAX_SAFE_INTEGER);
  }

  /** At start-up: what has been in the trash for longer than 30 days goes. */
  purgeExpired(now = Date.now()): number {
    return this.purgeDeletedBefore(now - TRASH_RETENTION_MS);
  }

  #summary(id: string): ConversationSummary {
    const row = this.#db.prepare(SQL.conversation).get(id);
    if (!row) fail('not_found_local', GONE);
    return toSummary(row);
  }

  #changed(conversationId: string | undefined): void {
    try {
      if (conversationId === undefined) {
        this.#events.emit('conversations:changed', {});
        return;
      }
      const row = this.#db.prepare(SQL.conversation).get(conversationId);
      const summary = row ? toSummary(row) : undefined;
      const removed = !summary || summary.deletedAt !== undefined;
      this.#events.emit('conversations:changed', { conversationId, kind: 'row', ...(summary ? { summary } : {}), ...(removed ? { removed } : {}) });
    } catch {
      // A window that went away must not undo the change; windows re-query when they come back.
    }
  }
}
