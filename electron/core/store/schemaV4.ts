// Branches, conversation metadata and reply timing.
// - messages.parent_id makes each conversation a tree (null for first messages); an edit or a
//   regenerate adds a sibling. Each message remembers which child is on screen (selected_child_id)
//   and the conversation which first message is (selected_root_id), so switching a version back
//   also brings back the branch chosen further down. No foreign key on parent_id: messages only
//   ever go with their conversation, and an index on it alone would cost every insert.
// - Existing conversations become one chain in their order on screen (seq).
// - title_source: 'default' (still "New chat"), 'auto' (first words), 'generated' (by the model),
//   'user' (typed or imported); only 'default' and 'auto' may be replaced.
export const SCHEMA_V4 = `
ALTER TABLE messages ADD COLUMN parent_id TEXT;
ALTER TABLE messages ADD COLUMN selected_child_id TEXT;
ALTER TABLE messages ADD COLUMN ttft_ms INTEGER;
CREATE INDEX messages_by_parent ON messages (conversation_id, parent_id, seq);

UPDATE messages SET parent_id = chain.prev, selected_child_id = chain.next
FROM (
  SELECT num,
    LAG(id) OVER (PARTITION BY conversation_id ORDER BY seq) AS prev,
    LEAD(id) OVER (PARTITION BY conversation_id ORDER BY seq) AS next
  FROM messages
) AS chain
WHERE messages.num = chain.num;

ALTER TABLE conversations ADD COLUMN source TEXT NOT NULL DEFAULT 'main';
ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN title_source TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE conversations ADD COLUMN settings TEXT;
ALTER TABLE conversations ADD COLUMN selected_root_id TEXT;

UPDATE conversations SET title_source = 'default' WHERE title = 'New chat';
UPDATE conversations SET selected_root_id =
  (SELECT id FROM messages WHERE conversation_id = conversations.id ORDER BY seq LIMIT 1);
DROP INDEX conversations_by_update;
CREATE INDEX conversations_by_activity ON conversations (pinned DESC, updated_at DESC);
`;
