// Chunks live in their own table so that streaming appends are small inserts, never a rewrite of
// the whole message; finishMessage folds them into messages.content and deletes them. The table only
// ever holds replies in flight, so it has no index: each append then dirties a single page.
export const SCHEMA_V1 = `
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX conversations_by_update ON conversations (updated_at DESC);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  content TEXT NOT NULL DEFAULT '',
  images TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL,
  model TEXT,
  usage TEXT,
  error TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX messages_by_conversation ON messages (conversation_id, seq);
CREATE INDEX messages_by_status ON messages (status) WHERE status = 'streaming';

CREATE TABLE message_chunks (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
`;
