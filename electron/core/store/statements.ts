import { DEFAULT_TITLE } from './title.ts';

/** The store's SQL, by what it does; prepared once per connection by StoreDb. */
export const SQL = {
  list: 'SELECT * FROM conversations WHERE deleted_at IS NULL ORDER BY updated_at DESC, rowid DESC',
  conversation: 'SELECT * FROM conversations WHERE id = ?',
  insertConversation: 'INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
  touch: `UPDATE conversations SET updated_at = ?,
      title = CASE WHEN title = '${DEFAULT_TITLE}' AND ? IS NOT NULL THEN ? ELSE title END
    WHERE id = ?`,
  messages: 'SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq',
  message: 'SELECT * FROM messages WHERE id = ?',
  lastMessageId: 'SELECT id FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1',
  insertMessage: `INSERT INTO messages (id, conversation_id, seq, role, content, images, status, model, created_at)
    VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?)`,
  appendChunk: `INSERT INTO message_chunks (message_id, text)
    SELECT id, ? FROM messages WHERE id = ? AND status = 'streaming'`,
  chunks: 'SELECT text FROM message_chunks WHERE message_id = ? ORDER BY id',
  deleteChunks: 'DELETE FROM message_chunks WHERE message_id = ?',
  finish: 'UPDATE messages SET content = content || ?, status = ?, usage = ?, error = ? WHERE id = ?',
  reopen: `UPDATE messages SET status = 'streaming', usage = NULL, error = NULL, model = ?,
      content = CASE WHEN ? THEN content ELSE '' END
    WHERE id = ? AND status <> 'streaming'`,
  streaming: "SELECT id, conversation_id FROM messages WHERE status = 'streaming'",
} as const;
