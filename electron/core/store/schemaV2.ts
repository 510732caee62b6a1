// Full-text search. The index is an FTS5 "external content" table over messages, so the text is
// stored once; its rowid must be stable, which only an INTEGER PRIMARY KEY guarantees (VACUUM may
// renumber implicit rowids), hence the rebuild of messages with one (`num`, the old rowid).
// Only finished text is indexed: a streaming reply's text sits in message_chunks until it is folded
// into content, and the update trigger indexes it then.
export const SCHEMA_V2 = `
CREATE TABLE messages_v2 (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
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
INSERT INTO messages_v2 (num, id, conversation_id, seq, role, content, images, status, model, usage, error, created_at)
  SELECT rowid, id, conversation_id, seq, role, content, images, status, model, usage, error, created_at
  FROM messages ORDER BY rowid;
DROP TABLE messages;
ALTER TABLE messages_v2 RENAME TO messages;
CREATE UNIQUE INDEX messages_by_conversation ON messages (conversation_id, seq);
CREATE INDEX messages_by_status ON messages (status) WHERE status = 'streaming';

CREATE VIRTUAL TABLE message_search USING fts5 (
  content,
  content = 'messages',
  content_rowid = 'num',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO message_search (rowid, content) SELECT num, content FROM messages WHERE status <> 'streaming';

CREATE TRIGGER messages_search_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
  INSERT INTO message_search (rowid, content) VALUES (new.num, new.content);
END;
CREATE TRIGGER messages_search_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
  INSERT INTO message_search (message_search, rowid, content) VALUES ('delete', old.num, old.content);
END;
CREATE TRIGGER messages_search_update AFTER UPDATE OF content, status ON messages BEGIN
  INSERT INTO message_search (message_search, rowid, content)
    SELECT 'delete', old.num, old.content WHERE old.status <> 'streaming';
  INSERT INTO message_search (rowid, content) SELECT new.num, new.content WHERE new.status <> 'streaming';
END;
`;
