import type { StoreDb } from '../store/storeDb.ts';
import type { ExportedConversation } from './exportSchema.ts';

const SQL = {
  conversationExists: 'SELECT 1 FROM conversations WHERE id = ?',
  insertConversation: 'INSERT INTO conversations (id, title, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)',
  messageExists: 'SELECT 1 FROM messages WHERE id = ?',
  insertMessage: `INSERT INTO messages (id, conversation_id, seq, role, content, images, status, model, usage, error, created_at)
    VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

export interface WriteOutcome {
  created: boolean;
  messagesAdded: number;
}

/** Merges one conversation in its own transaction: adds what is missing, never changes what is there
 *  (a conversation or message whose id exists is left alone, wherever it lives). */
export function mergeConversation(db: StoreDb, conversation: ExportedConversation): WriteOutcome {
  return db.transaction(() => {
    const exists = db.prepare(SQL.conversationExists).get(conversation.id) !== undefined;
    if (!exists) {
      const { id, title, createdAt, updatedAt, deletedAt } = conversation;
      db.prepare(SQL.insertConversation).run(id, title, createdAt, Math.max(createdAt, updatedAt), deletedAt ?? null);
    }
    let messagesAdded = 0;
    for (const message of conversation.messages) {
      if (db.prepare(SQL.messageExists).get(message.id)) continue;
      // A reply that was still arriving when exported can only be an interrupted one here.
      const status = message.status === 'streaming' ? 'interrupted' : message.status;
      db.prepare(SQL.insertMessage).run(
        message.id,
        conversation.id,
        conversation.id,
        message.role,
        message.content,
        JSON.stringify(message.images),
        status,
        message.model ?? null,
        message.usage ? JSON.stringify(message.usage) : null,
        message.error ? JSON.stringify(message.error) : null,
        message.createdAt,
      );
      messagesAdded += 1;
    }
    return { created: !exists, messagesAdded };
  });
}
