import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Notice } from '../../../shared/contract/app.ts';
import type { Conversation, ConversationSummary, ImageAttachment, Message, Usage } from '../../../shared/domain.ts';
import { fail, type AppError } from '../../../shared/errors.ts';
import { openDatabase } from './openDatabase.ts';
import { imagesJson, toMessage, toSummary, type Row } from './rows.ts';
import { toStorageException } from './sqliteErrors.ts';
import { DEFAULT_TITLE, titleFromText } from './title.ts';
import { inTransaction } from './transaction.ts';

const CONVERSATION_GONE = 'That conversation no longer exists.';
const MESSAGE_GONE = 'That message no longer exists.';

export interface MessageEnd {
  status: 'complete' | 'stopped' | 'error';
  usage?: Usage;
  error?: AppError;
}

function sql(db: DatabaseSync) {
  const p = (text: string): StatementSync => db.prepare(text);
  return {
    list: p('SELECT * FROM conversations ORDER BY updated_at DESC, rowid DESC'),
    conversation: p('SELECT * FROM conversations WHERE id = ?'),
    insertConversation: p('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    touch: p(
      `UPDATE conversations SET updated_at = ?,
         title = CASE WHEN title = '${DEFAULT_TITLE}' AND ? IS NOT NULL THEN ? ELSE title END
       WHERE id = ?`,
    ),
    messages: p('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq'),
    message: p('SELECT * FROM messages WHERE id = ?'),
    insertMessage: p(
      `INSERT INTO messages (id, conversation_id, seq, role, content, images, status, model, created_at)
       VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?)`,
    ),
    appendChunk: p(
      `INSERT INTO message_chunks (message_id, text)
       SELECT id, ? FROM messages WHERE id = ? AND status = 'streaming'`,
    ),
    chunks: p('SELECT text FROM message_chunks WHERE message_id = ? ORDER BY id'),
    deleteChunks: p('DELETE FROM message_chunks WHERE message_id = ?'),
    finish: p(
      `UPDATE messages SET content = content || ?, status = ?, usage = ?, error = ? WHERE id = ?`,
    ),
    streaming: p("SELECT id, conversation_id FROM messages WHERE status = 'streaming'"),
  };
}

/** Conversations and messages in one SQLite file; the single source of truth for every window. */
export class ConversationStore {
  readonly notices: Notice[];
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #q: ReturnType<typeof sql>;
  #lastTime = 0;

  private constructor(db: DatabaseSync, dbPath: string, notices: Notice[]) {
    this.#db = db;
    this.path = dbPath;
    this.notices = notices;
    this.#q = sql(db);
  }

  static open(dbPath: string): ConversationStore {
    const { db, notices } = openDatabase(dbPath);
    return new ConversationStore(db, dbPath, notices);
  }

  listConversations(): ConversationSummary[] {
    return this.#guard('read the conversation list', () => this.#q.list.all().map(toSummary));
  }

  createConversation(title?: string): ConversationSummary {
    return this.#guard('create a conversation', () => {
      const now = this.#now();
      const summary = { id: randomUUID(), title: title?.trim() || DEFAULT_TITLE, createdAt: now, updatedAt: now };
      this.#q.insertConversation.run(summary.id, summary.title, now, now);
      return summary;
    });
  }

  getConversation(id: string): Conversation | undefined {
    return this.#guard('read the conversation', () => {
      const row = this.#q.conversation.get(id);
      if (!row) return undefined;
      const messages = this.#q.messages.all(id).map((m) => toMessage(m, this.#pendingText(m)));
      return { ...toSummary(row), messages };
    });
  }

  addUserMessage(conversationId: string, input: { text: string; images: ImageAttachment[] }): Message {
    return this.#guard('save your message', () =>
      inTransaction(this.#db, () => {
        this.#requireConversation(conversationId);
        const now = this.#now();
        const id = this.#insertMessage(conversationId, 'user', input.text, input.images, 'complete', null, now);
        const title = titleFromText(input.text) ?? null;
        this.#q.touch.run(now, title, title, conversationId);
        return this.#message(id);
      }),
    );
  }

  startAssistantMessage(conversationId: string, model: string): Message {
    return this.#guard('start the reply', () =>
      inTransaction(this.#db, () => {
        this.#requireConversation(conversationId);
        const id = this.#insertMessage(conversationId, 'assistant', '', [], 'streaming', model, this.#now());
        return this.#message(id);
      }),
    );
  }

  /** One small insert per call: the cost follows the appended text, not the message size. */
  appendToMessage(messageId: string, text: string): void {
    this.#guard('save the reply', () => {
      if (text.length === 0) return;
      const { changes } = this.#q.appendChunk.run(text, messageId);
      if (Number(changes) === 0) {
        if (!this.#q.message.get(messageId)) fail('not_found_local', MESSAGE_GONE);
        fail('internal', 'That reply has already finished.');
      }
    });
  }

  finishMessage(messageId: string, end: MessageEnd): Message {
    return this.#guard('save the reply', () =>
      inTransaction(this.#db, () => {
        const row = this.#q.message.get(messageId);
        if (!row) fail('not_found_local', MESSAGE_GONE);
        this.#fold(messageId, end.status, end.usage, end.error);
        this.#q.touch.run(this.#now(), null, null, row['conversation_id'] ?? '');
        return this.#message(messageId);
      }),
    );
  }

  /** At start-up: replies that were streaming when the app died keep their text, marked interrupted. */
  recoverInterrupted(): number {
    return this.#guard('recover interrupted replies', () =>
      inTransaction(this.#db, () => {
        const rows = this.#q.streaming.all();
        for (const row of rows) this.#fold(String(row['id']), 'interrupted', undefined, undefined);
        return rows.length;
      }),
    );
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #fold(messageId: string, status: Message['status'], usage: Usage | undefined, error: AppError | undefined): void {
    const pending = this.#chunkText(messageId);
    this.#q.finish.run(
      pending,
      status,
      usage ? JSON.stringify(usage) : null,
      error ? JSON.stringify(error) : null,
      messageId,
    );
    this.#q.deleteChunks.run(messageId);
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
    this.#q.insertMessage.run(id, conversationId, conversationId, role, content, imagesJson(images), status, model, createdAt);
    return id;
  }

  #message(id: string): Message {
    const row = this.#q.message.get(id);
    if (!row) fail('not_found_local', MESSAGE_GONE);
    return toMessage(row, this.#pendingText(row));
  }

  #pendingText(row: Row): string {
    return row['status'] === 'streaming' ? this.#chunkText(String(row['id'])) : '';
  }

  #chunkText(messageId: string): string {
    return this.#q.chunks
      .all(messageId)
      .map((c) => (typeof c['text'] === 'string' ? c['text'] : ''))
      .join('');
  }

  #requireConversation(id: string): void {
    if (!this.#q.conversation.get(id)) fail('not_found_local', CONVERSATION_GONE);
  }

  /** Strictly increasing timestamps, so ordering by updatedAt is stable within a process. */
  #now(): number {
    const now = Date.now();
    this.#lastTime = now > this.#lastTime ? now : this.#lastTime + 1;
    return this.#lastTime;
  }

  #guard<T>(what: string, fn: () => T): T {
    if (!this.#db.isOpen) fail('storage', 'The conversation database is closed.');
    try {
      return fn();
    } catch (err) {
      throw toStorageException(err, `Could not ${what}`);
    }
  }
}
