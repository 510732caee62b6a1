import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

// Images out of the message rows: each image is stored once in `images`, named by the SHA-256 of its
// bytes, and messages.images keeps references ({ id, mimeType, name?, bytes }). The move runs in the
// migration's transaction, after the backup copy openDatabase makes (parley.db.bak-v4).
const TABLE = `
CREATE TABLE images (
  id TEXT PRIMARY KEY,
  mime_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
`;

const DATA_URL = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/]+={0,2})$/;

interface OldImage {
  dataUrl?: unknown;
  name?: unknown;
}

function oldImages(raw: unknown): OldImage[] {
  if (typeof raw !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((i): i is OldImage => typeof i === 'object' && i !== null) : [];
  } catch {
    return [];
  }
}

export function migrateToV5(db: DatabaseSync): void {
  db.exec(TABLE);
  moveImagesOut(db);
  db.exec(SEARCH_V5);
  db.exec(READS_V5);
}

// Reads sized to the screen: the shape of a conversation's tree (to find the selected branch) and its
// token totals come from covering indexes, so they never read the message text (parent_id and
// selected_child_id sit after content in the row, behind its overflow pages for a long message).
const READS_V5 = `
CREATE INDEX messages_tree ON messages (conversation_id, seq, id, parent_id, selected_child_id);
CREATE INDEX messages_usage ON messages (conversation_id, usage) WHERE usage IS NOT NULL;
`;

function moveImagesOut(db: DatabaseSync): void {
  const insert = db.prepare('INSERT OR IGNORE INTO images (id, mime_type, bytes, data, created_at) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE messages SET images = ? WHERE num = ?');
  const rows = db.prepare("SELECT num, images, created_at FROM messages WHERE images <> '[]'").all();
  for (const row of rows) {
    const refs: Record<string, unknown>[] = [];
    for (const image of oldImages(row['images'])) {
      // A value that is not a readable image (damaged data) is dropped, as reading it always did.
      const match = typeof image.dataUrl === 'string' ? DATA_URL.exec(image.dataUrl) : null;
      if (!match) continue;
      const data = Buffer.from(match[2]!, 'base64');
      const id = createHash('sha256').update(data).digest('hex');
      insert.run(id, match[1]!, data.length, data, Number(row['created_at']));
      refs.push({ id, mimeType: match[1]!, bytes: data.length, ...(typeof image.name === 'string' ? { name: image.name.slice(0, 255) } : {}) });
    }
    update.run(JSON.stringify(refs), Number(row['num']));
  }
}

// Search with bounded cost: the index gains prefix indexes (2 and 3 characters), so a word being typed
// is looked up directly instead of scanning every term that starts with it. The triggers of version 2
// keep working: they name the table, which is rebuilt under the same name.
export const SEARCH_V5 = `
DROP TABLE message_search;
CREATE VIRTUAL TABLE message_search USING fts5 (
  content,
  content = 'messages',
  content_rowid = 'num',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO message_search (message_search) VALUES ('rebuild');
INSERT INTO message_search (message_search, rowid, content)
  SELECT 'delete', num, content FROM messages WHERE status = 'streaming';
`;
