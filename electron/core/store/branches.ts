import { fail } from '../../../shared/errors.ts';
import type { StoreDb } from './storeDb.ts';
import { pathTo } from './tree.ts';

const SQL = {
  message: 'SELECT conversation_id FROM messages WHERE id = ?',
  messages: 'SELECT id, parent_id FROM messages WHERE conversation_id = ?',
  selectChild: 'UPDATE messages SET selected_child_id = ? WHERE id = ?',
  selectRoot: 'UPDATE conversations SET selected_root_id = ? WHERE id = ?',
} as const;

/** Puts the branch through a message on screen: the conversation selects its first message and each
 *  message on the way selects the next. What lies below the message keeps its own selection.
 *  Call inside a transaction; answers the message's conversation id. */
export function selectPathTo(db: StoreDb, messageId: string): string {
  const message = db.prepare(SQL.message).get(messageId) ?? fail('not_found_local', 'That message no longer exists.');
  const conversationId = String(message['conversation_id']);
  const path = pathTo(db.prepare(SQL.messages).all(conversationId), messageId);
  const first = path[0];
  if (first) db.prepare(SQL.selectRoot).run(String(first['id']), conversationId);
  for (let i = 1; i < path.length; i++) db.prepare(SQL.selectChild).run(String(path[i]!['id']), String(path[i - 1]!['id']));
  return conversationId;
}
