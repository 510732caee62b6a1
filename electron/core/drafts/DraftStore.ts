import { NEW_CONVERSATION_DRAFT, type Draft } from '../../../shared/contract/drafts.ts';
import { fail } from '../../../shared/errors.ts';
import type { StoreDb } from '../store/storeDb.ts';

const SQL = {
  get: 'SELECT text, updated_at FROM drafts WHERE key = ?',
  set: `INSERT INTO drafts (key, text, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  clear: 'DELETE FROM drafts WHERE key = ?',
  conversationExists: 'SELECT 1 FROM conversations WHERE id = ?',
} as const;

/** What the user typed and has not sent, per conversation ('new' for a chat not started yet), in
 *  the conversation database: kept across restarts, online or not; cleared when the message is sent. */
export class DraftStore {
  readonly #db: StoreDb;

  constructor(db: StoreDb) {
    this.#db = db;
  }

  get(conversationId: string): Draft {
    return this.#db.guard('read the draft', () => {
      const row = this.#db.prepare(SQL.get).get(conversationId);
      const text = typeof row?.['text'] === 'string' ? row['text'] : '';
      const updatedAt = row && typeof row['updated_at'] === 'number' ? row['updated_at'] : null;
      return { conversationId, text, updatedAt };
    });
  }

  /** Saves the text; an empty (or blank) text deletes the draft. */
  set(conversationId: string, text: string): Draft {
    return this.#db.guard('save the draft', () => {
      if (!text.trim()) {
        this.#db.prepare(SQL.clear).run(conversationId);
        return { conversationId, text: '', updatedAt: null };
      }
      if (conversationId !== NEW_CONVERSATION_DRAFT && !this.#db.prepare(SQL.conversationExists).get(conversationId)) {
        fail('not_found_local', 'That conversation no longer exists.');
      }
      const updatedAt = this.#db.now();
      this.#db.prepare(SQL.set).run(conversationId, text, updatedAt);
      return { conversationId, text, updatedAt };
    });
  }

  clear(conversationId: string): void {
    this.#db.guard('clear the draft', () => void this.#db.prepare(SQL.clear).run(conversationId));
  }
}
