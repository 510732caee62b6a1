import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../shared/contract/app.ts';
import type { Conversation, ConversationSummary, ImageAttachment, Message, Usage } from '../../../shared/domain.ts';
import { fail, type AppError } from '../../../shared/errors.ts';
import { openDatabase } from './openDatabase.ts';
import { imagesJson, toMessage, toSummary, type Row } from './rows.ts';
import { SQL } from './statements.ts';
import { StoreDb } from './storeDb.ts';
import { DEFAULT_TITLE, titleFromText } from './title.ts';

const CONVERSATION_GONE = 'That conversation no longer exists.';
const MESSAGE_GONE = 'That message no longer exists.';

export interface MessageEnd {
  status: 'complete' | 'stopped' | 'error';
  usage?: Usage;
  error?: AppError;
  /** Text that arrived after the last append, saved together with the ending. */
  tail?: string;
}

/** Conversations and messages in one SQLite file; the single source of truth for every window. */
export class ConversationStore {
  readonly notices: Notice[];
  readonly path: string;
  /** The open database, for the services beside the store (search, drafts, trash, import/export). */
  readonly db: StoreDb;

  private constructor(db: StoreDb, dbPath: string, notices: Notice[]) {
    this.db = db;
    this.path = dbPath;
    this.notices = notices;
  }

  static open(dbPath: string): ConversationStore {
    const { db, notices } = openDatabase(dbPath);
    return new ConversationStore(new StoreDb(db), dbPath, notices);
  }

  /** Conversations not in the trash, most recently active first. */
  listConversations(): ConversationSummary[] {
    return this.db.guard('read the conversation list', () => this.db.prepare(SQL.list).all().map(toSummary));
  }

  createConversation(title?: string): ConversationSummary {
    return this.db.guard('create a conversation', () => {
      const now = this.db.now();
      const summary = { id: randomUUID(), title: title?.trim() || DEFAULT_TITLE, createdAt: now, updatedAt: now };
      this.db.prepare(SQL.insertConversation).run(summary.id, summary.title, now, now);
      return summary;
    });
  }

  /** Also answers for a conversation in the trash (deletedAt is then set). */
  getConversation(id: string): Conversation | undefined {
    return this.db.guard('read the conversation', () => {
      const row = this.db.prepare(SQL.conversation).get(id);
      if (!row) return undefined;
      const messages = this.db.prepare(SQL.messages).all(id).map((m) => toMessage(m, this.#pendingText(m)));
      return { ...toSummary(row), messages };
    });
  }

  getMessage(id: string): Message | undefined {
    return this.db.guard('read the message', () => {
      const row = this.db.prepare(SQL.message).get(id);
      return row ? toMessage(row, this.#pendingText(row)) : undefined;
    });
  }

  /** The id of the newest message of a conversation, or undefined when it has none. */
  lastMessageId(conversationId: string): string | undefined {
    return this.db.guard('read the conversation', () => {
      const id = this.db.prepare(SQL.lastMessageId).get(conversationId)?.['id'];
      return typeof id === 'string' ? id : undefined;
    });
  }

  addUserMessage(conversationId: string, input: { text: string; images: ImageAttachment[] }): Message {
    return this.db.guard('save your message', () =>
      this.db.transaction(() => {
        this.#requireActiveConversation(conversationId);
        const now = this.db.now();
        const id = this.#insertMessage(conversationId, 'user', input.text, input.images, 'complete', null, now);
        const title = titleFromText(input.text) ?? null;
        this.db.prepare(SQL.touch).run(now, title, title, conversationId);
        return this.#message(id);
      }),
    );
  }

  startAssistantMessage(conversationId: string, model: string): Message {
    return this.db.guard('start the reply', () =>
      this.db.transaction(() => {
        this.#requireActiveConversation(conversationId);
        const id = this.#insertMessage(conversationId, 'assistant', '', [], 'streaming', model, this.db.now());
        return this.#message(id);
      }),
    );
  }

  /** Makes a finished reply stream again: keepContent continues after its text (Continue), otherwise
   *  it starts over empty (the way a Regenerate into the same message would go). */
  reopenAssistantMessage(messageId: string, options: { keepContent: boolean; model: string }): Message {
    return this.db.guard('restart the reply', () =>
      this.db.transaction(() => {
        const row = this.db.prepare(SQL.message).get(messageId);
        if (!row) fail('not_found_local', MESSAGE_GONE);
        this.#requireActiveConversation(String(row['conversation_id']));
        const { changes } = this.db.prepare(SQL.reopen).run(options.model, options.keepContent ? 1 : 0, messageId);
        if (Number(changes) === 0) fail('invalid_input', 'That reply is still streaming.');
        this.db.prepare(SQL.touch).run(this.db.now(), null, null, String(row['conversation_id']));
        return this.#message(messageId);
      }),
    );
  }

  /** One small insert per call: the cost follows the appended text, not the message size. */
  appendToMessage(messageId: string, text: string): void {
    this.db.guard('save the reply', () => {
      if (text.length === 0) return;
      const { changes } = this.db.prepare(SQL.appendChunk).run(text, messageId);
      if (Number(changes) === 0) {
        if (!this.db.prepare(SQL.message).get(messageId)) fail('not_found_local', MESSAGE_GONE);
        fail('internal', 'That reply has already finished.');
      }
    });
  }

  finishMessage(messageId: string, end: MessageEnd): Message {
    return this.db.guard('save the reply', () =>
      this.db.transaction(() => {
        const row = this.db.prepare(SQL.message).get(messageId);
        if (!row) fail('not_found_local', MESSAGE_GONE);
        this.#fold(messageId, end.status, end.usage, end.error, end.tail);
        this.db.prepare(SQL.touch).run(this.db.now(), null, null, row['conversation_id'] ?? '');
        return this.#message(messageId);
      }),
    );
  }

  /** At start-up: replies that were streaming when the app died keep their text, marked interrupted. */
  recoverInterrupted(): number {
    return this.db.guard('recover interrupted replies', () =>
      this.db.transaction(() => {
        const rows = this.db.prepare(SQL.streaming).all();
        for (const row of rows) this.#fold(String(row['id']), 'interrupted', undefined, undefined);
        return rows.length;
      }),
    );
  }

  close(): void {
    this.db.close();
  }

  #fold(messageId: string, status: Message['status'], usage: Usage | undefined, error: AppError | undefined, tail = ''): void {
    const pending = this.#chunkText(messageId) + tail;
    this.db
      .prepare(SQL.finish)
      .run(pending, status, usage ? JSON.stringify(usage) : null, error ? JSON.stringify(error) : null, messageId);
    this.db.prepare(SQL.deleteChunks).run(messageId);
  }

  #insertMessage(
    conversationId: string,
    role: Message['role'],
    content: string,
    images: readonly ImageAttachment[],
    status: Message['status'],
    model: string | null,
    createdAt: number,
  ): string {
    const id = randomUUID();
    this.db
      .prepare(SQL.insertMessage)
      .run(id, conversationId, conversationId, role, content, imagesJson(images), status, model, createdAt);
    return id;
  }

  #message(id: string): Message {
    const row = this.db.prepare(SQL.message).get(id);
    if (!row) fail('not_found_local', MESSAGE_GONE);
    return toMessage(row, this.#pendingText(row));
  }

  #pendingText(row: Row): string {
    return row['status'] === 'streaming' ? this.#chunkText(String(row['id'])) : '';
  }

  #chunkText(messageId: string): string {
    return this.db
      .prepare(SQL.chunks)
      .all(messageId)
      .map((c) => (typeof c['text'] === 'string' ? c['text'] : ''))
      .join('');
  }

  /** New messages go only into conversations that exist and are not in the trash. */
  #requireActiveConversation(id: string): void {
    const row = this.db.prepare(SQL.conversation).get(id);
    if (!row) fail('not_found_local', CONVERSATION_GONE);
    if (row['deleted_at'] !== null && row['deleted_at'] !== undefined) {
      fail('invalid_input', 'That conversation is in the trash. Restore it to continue it.');
    }
  }
}
