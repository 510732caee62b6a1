import { saveImage } from '../store/images.ts';
import type { StoreDb } from '../store/storeDb.ts';
import type { ExportedConversation, ExportedMessage } from './exportSchema.ts';

const SQL = {
  conversationExists: 'SELECT 1 FROM conversations WHERE id = ?',
  // Imported titles count as chosen: no generated title replaces them.
  insertConversation: `INSERT INTO conversations
    (id, title, title_source, source, pinned, settings, created_at, updated_at, deleted_at)
    VALUES (?, ?, 'user', ?, ?, ?, ?, ?, ?)`,
  message: 'SELECT conversation_id FROM messages WHERE id = ?',
  insertMessage: `INSERT INTO messages
    (id, conversation_id, parent_id, seq, role, content, images, status, model, usage, error, ttft_ms, created_at)
    VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?2),
      ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
  reasoning: 'UPDATE messages SET reasoning = ?, reasoning_ms = ? WHERE id = ?',
  selectChild: 'UPDATE messages SET selected_child_id = ? WHERE id = ? AND conversation_id = ?',
  selectRoot: 'UPDATE conversations SET selected_root_id = ? WHERE id = ?',
} as const;

export interface WriteOutcome {
  created: boolean;
  messagesAdded: number;
}

/** Merges one conversation in its own transaction: adds what is missing, never changes what is there
 *  (a conversation or message whose id exists is left alone, wherever it lives). */
export function mergeConversation(db: StoreDb, conversation: ExportedConversation): WriteOutcome {
  return db.transaction(() => {
    const exists = conversationExists(db, conversation.id);
    if (!exists) insertConversation(db, conversation);
    const { added } = insertMessages(db, conversation.id, conversation.messages, null);
    // The path on screen is the file's only for a conversation it creates; an existing one keeps its own.
    if (!exists) selectPath(db, conversation);
    return { created: !exists, messagesAdded: added };
  });
}

export function conversationExists(db: StoreDb, id: string): boolean {
  return db.prepare(SQL.conversationExists).get(id) !== undefined;
}

/** Adds the messages that are not here yet; `previous` is the message before the first one (for
 *  files without parentIds). Answers how many were added and the last one followed. */
export function insertMessages(
  db: StoreDb,
  conversationId: string,
  messages: readonly ExportedMessage[],
  previous: string | null,
): { added: number; previous: string | null } {
  let added = 0;
  // Without parentId (version 1, ChatGPT) a message follows the one before it in the file.
  for (const message of messages) {
    const owner = db.prepare(SQL.message).get(message.id)?.['conversation_id'];
    if (owner === undefined) {
      insertMessage(db, conversationId, message, parentFor(db, conversationId, message, previous));
      added += 1;
    } else if (owner !== conversationId) {
      continue; // the id belongs to another conversation: not ours to follow
    }
    previous = message.id;
  }
  return { added, previous };
}

/** `hiddenWhileImporting`: written with deleted_at = -1, out of every list, until the import of its
 *  last message shows it (see showImported); a crash leaves it to be removed at the next start. */
export function insertConversation(db: StoreDb, conversation: ExportedConversation, hiddenWhileImporting = false): void {
  const { id, title, source, pinned, settings, createdAt, updatedAt } = conversation;
  const deletedAt = hiddenWhileImporting ? IMPORTING : conversation.deletedAt;
  const ownSettings = settings && Object.keys(settings).length > 0 ? JSON.stringify(settings) : null;
  db.prepare(SQL.insertConversation).run(
    id,
    title,
    source ?? 'main',
    pinned ? 1 : 0,
    ownSettings,
    createdAt,
    Math.max(createdAt, updatedAt),
    deletedAt ?? null,
  );
}

/** A parent that is not (yet) in this conversation makes the message a first message instead of
 *  pointing nowhere. */
function parentFor(db: StoreDb, conversationId: string, message: ExportedMessage, previous: string | null): string | null {
  const parentId = message.parentId === undefined ? previous : message.parentId;
  if (parentId === null) return null;
  return db.prepare(SQL.message).get(parentId)?.['conversation_id'] === conversationId ? parentId : null;
}

function insertMessage(db: StoreDb, conversationId: string, message: ExportedMessage, parentId: string | null): void {
  // A reply that was still arriving when exported can only be an interrupted one here.
  const status = message.status === 'streaming' ? 'interrupted' : message.status;
  db.prepare(SQL.insertMessage).run(
    message.id,
    conversationId,
    parentId,
    message.role,
    message.content,
    JSON.stringify(message.images.map((image) => saveImage(db, image, message.createdAt))),
    status,
    message.model ?? null,
    message.usage ? JSON.stringify(message.usage) : null,
    message.error ? JSON.stringify(message.error) : null,
    message.timeToFirstTokenMs ?? null,
    message.createdAt,
  );
  if (message.reasoning) db.prepare(SQL.reasoning).run(message.reasoning, message.reasoningMs ?? null, message.id);
}

/** The deleted_at of a conversation whose messages are still being imported (never a real time). */
export const IMPORTING = -1;

/** The end of a conversation imported in slices: its path on screen, then it shows. */
export function showImported(db: StoreDb, conversation: ExportedConversation): void {
  selectPath(db, conversation);
  db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at = ?').run(conversation.deletedAt ?? null, conversation.id, IMPORTING);
}

/** Removes what a cut-off import of a large conversation left (its messages go with it). */
export function dropHalfImported(db: StoreDb, conversationId?: string): number {
  const sql = conversationId === undefined ? 'DELETE FROM conversations WHERE deleted_at = ?' : 'DELETE FROM conversations WHERE deleted_at = ? AND id = ?';
  const statement = db.prepare(sql);
  return Number((conversationId === undefined ? statement.run(IMPORTING) : statement.run(IMPORTING, conversationId)).changes);
}

/** Each message on the file's path selects the next; where the file has none, the newest child shows. */
function selectPath(db: StoreDb, conversation: ExportedConversation): void {
  const path = conversation.selectedPath ?? [];
  if (path[0] !== undefined) db.prepare(SQL.selectRoot).run(path[0], conversation.id);
  for (let i = 1; i < path.length; i++) db.prepare(SQL.selectChild).run(path[i]!, path[i - 1]!, conversation.id);
}
