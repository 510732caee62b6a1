// The trash (conversations.deleted_at, purged after 30 days) and drafts. A draft's key is a
// conversation id or 'new' (the composer before a conversation exists), so it cannot be a foreign
// key; a trigger drops a conversation's draft when the conversation is purged.
export const SCHEMA_V3 = `
ALTER TABLE conversations ADD COLUMN deleted_at INTEGER;
CREATE INDEX conversations_in_trash ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE drafts (
  key TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TRIGGER conversations_drop_draft AFTER DELETE ON conversations BEGIN
  DELETE FROM drafts WHERE key = old.id;
END;
`;
