import type { MessagePage } from '../../../shared/contract/conversations.ts';
import type { Conversation, ConversationSettings, ConversationSummary, Message, Usage } from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import { withBranchInfo } from './branchInfo.ts';
import { imageDataUrl } from './images.ts';
import { firstPage, nextPage, usageTotalsOf, type PageWindow } from './paging.ts';
import { toConversationSettings, toMessage, toSummary, type Row } from './rows.ts';
import { SQL } from './statements.ts';
import type { StoreDb } from './storeDb.ts';
import { pathTo, selectedPath, type PathEntry } from './tree.ts';

export interface PageOptions {
  /** How many messages (default 50). */
  limit?: number;
  /** A message of the selected branch to centre the page on. */
  around?: string;
}

export interface ReadOptions {
  /** Images as data URLs in `url` (a provider request, an export) instead of the window's URL. */
  inlineImages?: boolean;
}

/** The reading half of the conversation store: conversations with the path on screen, messages
 *  with where they sit among their versions, and the history a reply is based on. */
export class ConversationReader {
  /** The open database, for the services beside the store (search, drafts, trash, import/export). */
  readonly db: StoreDb;
  readonly #paths = new Map<string, { stamp: string; path: PathEntry[] }>();

  protected constructor(db: StoreDb) {
    this.db = db;
  }

  /** Conversations not in the trash: pinned first, then most recently active first. */
  listConversations(): ConversationSummary[] {
    return this.db.guard('read the conversation list', () => this.db.prepare(SQL.list).all().map(toSummary));
  }

  /** A page of the path on screen (by default its newest messages) with the conversation's summary,
   *  settings and totals. Also answers for one in the trash (deletedAt set). */
  getConversation(id: string, options: PageOptions = {}): Conversation | undefined {
    return this.db.guard('read the conversation', () => {
      const row = this.db.prepare(SQL.conversation).get(id);
      if (!row) return undefined;
      const path = this.#selectedPath(row);
      const window = firstPage(path, options.limit ?? 50, options.around);
      return {
        ...toSummary(row),
        messages: this.#pageMessages(path, window),
        settings: toConversationSettings(row),
        totals: usageTotalsOf(this.db, id),
        hasOlder: window.start > 0,
        hasNewer: window.end < path.length,
        messageCount: path.length,
      };
    });
  }

  /** The messages of the path on screen just before or after a cursor message. */
  getPage(id: string, cursor: { before?: string; after?: string }, limit = 50): MessagePage {
    return this.db.guard('read the conversation', () => {
      const path = this.#selectedPath(this.conversationRow(id));
      const window = nextPage(path, limit, cursor);
      return { messages: this.#pageMessages(path, window), hasOlder: window.start > 0, hasNewer: window.end < path.length };
    });
  }

  /** The ids of the path on screen, first to last. */
  selectedPathIds(id: string): string[] {
    return this.db.guard('read the conversation', () => this.#selectedPath(this.conversationRow(id)).map((e) => String(e.row['id'])));
  }

  /** Token counts of every reply in the conversation, hidden branches included. */
  totals(id: string): Usage {
    return this.db.guard('read the conversation', () => usageTotalsOf(this.db, id));
  }

  /** The path on screen, kept for the last few conversations read until the database changes (any
   *  write on this connection, or another connection's commit), so paging through a long
   *  conversation walks its tree once. */
  #selectedPath(conversation: Row): PathEntry[] {
    const id = String(conversation['id']);
    const selectedRoot = typeof conversation['selected_root_id'] === 'string' ? conversation['selected_root_id'] : null;
    const stamp = `${String(this.db.prepare(SQL.totalChanges).get()?.['n'])}:${String(this.db.prepare(SQL.dataVersion).get()?.['data_version'])}:${selectedRoot}`;
    const cached = this.#paths.get(id);
    if (cached?.stamp === stamp) return cached.path;
    const path = selectedPath(this.db.prepare(SQL.tree).all(id), selectedRoot);
    this.#paths.delete(id);
    this.#paths.set(id, { stamp, path });
    if (this.#paths.size > 8) this.#paths.delete(this.#paths.keys().next().value!);
    return path;
  }

  #pageMessages(path: readonly PathEntry[], window: PageWindow): Message[] {
    return path.slice(window.start, window.end).flatMap((entry) => {
      const row = this.db.prepare(SQL.message).get(String(entry.row['id']));
      return row ? [withBranchInfo(toMessage(row, this.pendingText(row)), entry.siblingIds)] : [];
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
  allMessages(conversationId: string, options: ReadOptions = {}): Message[] {
    return this.db.guard('read the conversation', () =>
      this.db.prepare(SQL.messages).all(conversationId).map((row) => this.#read(row, options)),
    );
  }

  /** Up to `limit` messages of every branch after `afterSeq`, oldest first (an export reads a long
   *  conversation in slices); `lastSeq` is the cursor for the next slice. */
  messageSlice(conversationId: string, afterSeq: number, limit: number, options: ReadOptions = {}): { messages: Message[]; lastSeq: number } {
    return this.db.guard('read the conversation', () => {
      const rows = this.db.prepare(SQL.messageSlice).all(conversationId, afterSeq, limit);
      const last = rows.at(-1)?.['seq'];
      return { messages: rows.map((row) => this.#read(row, options)), lastSeq: typeof last === 'number' ? last : afterSeq };
    });
  }

  getMessage(id: string): Message | undefined {
    return this.db.guard('read the message', () => {
      const row = this.db.prepare(SQL.message).get(id);
      return row ? this.toMessageWithBranches(row) : undefined;
    });
  }

  /** The messages from the first one down to this one, oldest first: what the model saw before it. */
  historyTo(messageId: string, options: ReadOptions = {}): Message[] {
    return this.db.guard('read the conversation', () => {
      const row = this.db.prepare(SQL.message).get(messageId);
      if (!row) return [];
      // The shape of the tree first, then only the messages on the way are read whole.
      const path = pathTo(this.db.prepare(SQL.tree).all(String(row['conversation_id'])), messageId);
      return path
        .map((r) => this.db.prepare(SQL.message).get(String(r['id'])))
        .filter((r) => r !== undefined)
        .map((r) => this.#read(r, options));
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

  #read(row: Row, options: ReadOptions): Message {
    const message = toMessage(row, this.pendingText(row));
    if (!options.inlineImages || message.images.length === 0) return message;
    return { ...message, images: message.images.map((image) => ({ ...image, url: imageDataUrl(this.db, image.id) ?? image.url })) };
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
