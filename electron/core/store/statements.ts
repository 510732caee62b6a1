/** The store's SQL, by what it does; prepared once per connection by StoreDb. */
export const SQL = {
  list: `SELECT * FROM conversations WHERE deleted_at IS NULL
    ORDER BY pinned DESC, updated_at DESC, rowid DESC`,
  conversation: 'SELECT * FROM conversations WHERE id = ?',
  insertConversation: `INSERT INTO conversations (id, title, title_source, source, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?)`,
  /** Activity; a conversation still called "New chat" takes the first words of a message as title. */
  touch: `UPDATE conversations SET updated_at = ?1,
      title = CASE WHEN title_source = 'default' AND ?2 IS NOT NULL THEN ?2 ELSE title END,
      title_source = CASE WHEN title_source = 'default' AND ?2 IS NOT NULL THEN 'auto' ELSE title_source END
    WHERE id = ?3`,
  messages: 'SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq',
  message: 'SELECT * FROM messages WHERE id = ?',
  messageSlice: 'SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  /** The shape of a conversation's tree, without the messages' text. */
  tree: 'SELECT id, parent_id, selected_child_id FROM messages WHERE conversation_id = ? ORDER BY seq',
  siblings: 'SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY seq',
  hasChildren: 'SELECT 1 FROM messages WHERE conversation_id = ? AND parent_id = ? LIMIT 1',
  insertMessage: `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, images, status, model, created_at)
    VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?2), ?4, ?5, ?6, ?7, ?8, ?9)`,
  selectChild: 'UPDATE messages SET selected_child_id = ? WHERE id = ?',
  selectRoot: 'UPDATE conversations SET selected_root_id = ? WHERE id = ?',
  appendChunk: `INSERT INTO message_chunks (message_id, text)
    SELECT id, ? FROM messages WHERE id = ? AND status = 'streaming'`,
  chunks: 'SELECT text FROM message_chunks WHERE message_id = ? ORDER BY id',
  deleteChunks: 'DELETE FROM message_chunks WHERE message_id = ?',
  finish: `UPDATE messages SET content = content || ?, status = ?, usage = ?, error = ?, ttft_ms = COALESCE(?, ttft_ms)
    WHERE id = ?`,
  /** A continued reply adds its thinking to what it thought before. */
  finishReasoning: `UPDATE messages SET
      reasoning = CASE WHEN ?1 IS NULL THEN reasoning ELSE COALESCE(reasoning, '') || ?1 END,
      reasoning_ms = CASE WHEN ?2 IS NULL THEN reasoning_ms ELSE COALESCE(reasoning_ms, 0) + ?2 END,
      model = COALESCE(?3, model)
    WHERE id = ?4`,
  reopen: `UPDATE messages SET status = 'streaming', usage = NULL, error = NULL, model = ?1,
      reasoning = CASE WHEN ?2 THEN reasoning ELSE NULL END,
      reasoning_ms = CASE WHEN ?2 THEN reasoning_ms ELSE NULL END,
      content = CASE WHEN ?2 THEN content ELSE '' END,
      ttft_ms = CASE WHEN ?2 THEN ttft_ms ELSE NULL END
    WHERE id = ?3 AND status <> 'streaming'`,
  streaming: "SELECT id, conversation_id FROM messages WHERE status = 'streaming'",
  /** Together they change whenever the database may have: a cache stamp. */
  totalChanges: 'SELECT total_changes() AS n',
  dataVersion: 'PRAGMA data_version',
} as const;
