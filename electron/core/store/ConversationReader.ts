import type { Conversation, ConversationSettings, ConversationSummary, Message } from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import { usageTotals, withBranchInfo } from './branchInfo.ts';
import { toConversationSettings, toMessage, toSummary, type Row } from './rows.ts';
import { SQL } from './statements.ts';
import type { StoreDb } from './storeDb.ts';
import { pathTo, selectedPath } from './tree.ts';

/** The reading half of the conversation store: conversations with the path on screen, messages
 *  with where they sit among their versions, and the history a reply is based on. */
export class ConversationReader {
  /** The open database, for the services beside the store (search, drafts, trash, import/export). */
  readonly db: StoreDb;

  protected constructor(db: StoreDb) {
    this.db = db;
  }

  /** Conversations not in the trash: pinned first, then most recently active first. */
  listConversations(): ConversationSummary[] {
    return this.db.guard('read the conversation list', () => this.db.prepare(SQL.list).all().map(toSummary));
  }

  /** The conversation with the path on screen. Also answers for one in the trash (deletedAt set). */
  getConversation(id: string): Conversation | undefined {
    return this.db.guard('read the conversation', () => {
      const row = this.db.prepare(SQL.conversation).get(id);
      if (!row) return undefined;
      const rows = this.db.prepare(SQL.messages).all(id);
      const selectedRoot = typeof row['selected_root_id'] === 'string' ? row['selected_root_id'] : null;
      const messages = selectedPath(rows, selectedRoot).map((entry) =>
        withBranchInfo(toMessage(entry.row, this.pendingText(entry.row)), entry.siblingIds),
      );
      return { ...toSummary(row), messages, settings: toConversationSettings(row), totals: usageTotals(rows) };
    });
  }

  /** Also answers for a conversation in the trash. */
  getSummary(id: string): ConversationSummary | undefined {
    return this.db.guard('read the conversation', () => {
      const row = this.db.prepare(SQL.conversation).get(id);
      return row ? toSummary(row) : undefined;
    });
  }

  /** A conversation's own settings; undefined when it does not exist. */
  conversationSettings(id: string): ConversationSettings | undefined {
    return this.db.guard('read the conversation', () => {
      const row = this.db.prepare(SQL.conversation).get(id);
      return row ? toConversationSettings(row) : undefined;
    });
  }

  /** Every message of every branch, oldest first (a parent before its children). */
  allMessages(conversationId: string): Message[] {
    return this.db.guard('read the conversation', () =>
      this.db.prepare(SQL.messages).all(conversationId).map((row) => toMessage(row, this.pendingText(row))),
    );
  }

  getMessage(id: string): Message | undefined {
    return this.db.guard('read the message', () => {
      const row = this.db.prepare(SQL.message).get(id);
      return row ? this.toMessageWithBranches(row) : undefined;
    });
  }

  /** The messages from the first one down to this one, oldest first: what the model saw before it. */
  historyTo(messageId: string): Message[] {
    return this.db.guard('read the conversation', () => {
      const row = this.db.prepare(SQL.message).get(messageId);
      if (!row) return [];
      // The shape of the tree first, then only the messages on the way are read whole.
      const path = pathTo(this.db.prepare(SQL.tree).all(String(row['conversation_id'])), messageId);
      return path
        .map((r) => this.db.prepare(SQL.message).get(String(r['id'])))
        .filter((r) => r !== undefined)
        .map((r) => toMessage(r, this.pendingText(r)));
    });
  }

  /** The id of the last message on screen, or undefined when the conversation has none. */
  lastMessageId(conversationId: string): string | undefined {
    return this.db.guard('read the conversation', () => this.leafId(conversationId) ?? undefined);
  }

  /** True when something follows this message (in any branch). */
  hasFollowUps(messageId: string): boolean {
    return this.db.guard('read the conversation', () => {
      const row = this.db.prepare(SQL.message).get(messageId);
      return row ? this.db.prepare(SQL.hasChildren).get(String(row['conversation_id']), messageId) !== undefined : false;
    });
  }

  protected toMessageWithBranches(row: Row): Message {
    const siblingIds = this.db
      .prepare(SQL.siblings)
      .all(String(row['conversation_id']), row['parent_id'] ?? null)
      .map((r) => String(r['id']));
    return withBranchInfo(toMessage(row, this.pendingText(row)), siblingIds);
  }

  protected pendingText(row: Row): string {
    return row['status'] === 'streaming' ? this.chunkText(String(row['id'])) : '';
  }

  protected chunkText(messageId: string): string {
    return this.db
      .prepare(SQL.chunks)
      .all(messageId)
      .map((c) => (typeof c['text'] === 'string' ? c['text'] : ''))
      .join('');
  }

  protected leafId(conversationId: string): string | null {
    const row = this.conversationRow(conversationId);
    const selectedRoot = typeof row['selected_root_id'] === 'string' ? row['selected_root_id'] : null;
    const last = selectedPath(this.db.prepare(SQL.tree).all(conversationId), selectedRoot).at(-1);
    return last ? String(last.row['id']) : null;
  }

  protected conversationRow(id: string): Row {
    return this.db.prepare(SQL.conversation).get(id) ?? fail('not_found_local', 'That conversation no longer exists.');
  }
}
