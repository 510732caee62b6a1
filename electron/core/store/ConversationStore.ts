import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../shared/contract/app.ts';
import type { ConversationSource, ConversationSummary, ImageInput, ImageRef, Message, Usage } from '../../../shared/domain.ts';
import { fail, type AppError } from '../../../shared/errors.ts';
import { selectPathTo } from './branches.ts';
import { ConversationReader } from './ConversationReader.ts';
import { openDatabase } from './openDatabase.ts';
import { checkpointWal } from './checkpoint.ts';
import { saveImageInputs, type StoredImage } from './images.ts';
import { imagesJson, toSummary } from './rows.ts';
import { SQL } from './statements.ts';
import { StoreDb } from './storeDb.ts';
import { DEFAULT_TITLE, titleFromText } from './title.ts';

const MESSAGE_GONE = 'That message no longer exists.';

export interface MessageEnd {
  status: 'complete' | 'stopped' | 'error';
  usage?: Usage;
  error?: AppError;
  /** Text that arrived after the last append, saved together with the ending. */
  tail?: string;
  /** From sending the request to the first text of the reply. */
  timeToFirstTokenMs?: number;
  /** A reasoning model's thinking, and how long it took. */
  reasoning?: string;
  reasoningMs?: number;
  /** The model that answered, when the response named it (replaces the one asked for). */
  model?: string;
}

/** Where a new message goes: after `parentId` (null: a new first message), or, when undefined,
 *  at the end of the path on screen. */
export interface NewMessage {
  text: string;
  /** New images as data URLs (stored once by hash), or images already stored, by id. */
  images: readonly (ImageInput | ImageRef)[];
  parentId?: string | null;
}

/** Conversations and messages in one SQLite file; the single source of truth for every window.
 *  Messages form a tree per conversation; readers get the path on screen (see tree.ts). This half
 *  writes; ConversationReader reads. */
export class ConversationStore extends ConversationReader {
  readonly notices: Notice[];
  readonly path: string;

  private constructor(db: StoreDb, dbPath: string, notices: Notice[]) {
    super(db);
    this.path = dbPath;
    this.notices = notices;
  }

  static open(dbPath: string): ConversationStore {
    const { db, notices } = openDatabase(dbPath);
    return new ConversationStore(new StoreDb(db), dbPath, notices);
  }

  /** A title given here counts as the user's own: no generated title replaces it. */
  createConversation(title?: string, source: ConversationSource = 'main'): ConversationSummary {
    return this.db.guard('create a conversation', () => {
      const now = this.db.now();
      const id = randomUUID();
      const given = title?.trim();
      this.db.prepare(SQL.insertConversation).run(id, given || DEFAULT_TITLE, given ? 'user' : 'default', source, now, now);
      return toSummary(this.conversationRow(id));
    });
  }

  /** Puts the branch through this message on screen; answers its conversation id. */
  selectPathTo(messageId: string): string {
    return this.db.guard('switch the version', () => this.db.transaction(() => selectPathTo(this.db, messageId)));
  }

  addUserMessage(conversationId: string, input: NewMessage): Message {
    return this.db.guard('save your message', () =>
      this.db.transaction(() => {
        this.#requireActiveConversation(conversationId);
        const now = this.db.now();
        const parentId = this.#parentFor(conversationId, input.parentId);
        const images = saveImageInputs(this.db, input.images);
        const id = this.#insertMessage(conversationId, parentId, 'user', input.text, images, 'complete', null, now);
        if (input.parentId !== undefined) selectPathTo(this.db, id);
        this.db.prepare(SQL.touch).run(now, titleFromText(input.text) ?? null, conversationId);
        return this.#message(id);
      }),
    );
  }

  /** An empty reply, streaming, after `parentId` (by default the end of the path on screen). */
  startAssistantMessage(conversationId: string, model: string, parentId?: string | null): Message {
    return this.db.guard('start the reply', () =>
      this.db.transaction(() => {
        this.#requireActiveConversation(conversationId);
        const parent = this.#parentFor(conversationId, parentId);
        const id = this.#insertMessage(conversationId, parent, 'assistant', '', [], 'streaming', model, this.db.now());
        if (parentId !== undefined) selectPathTo(this.db, id);
        return this.#message(id);
      }),
    );
  }

  /** Makes a finished reply stream again: keepContent continues after its text (Continue), otherwise
   *  it starts over empty (a retry in place of a reply that failed without text). */
  reopenAssistantMessage(messageId: string, options: { keepContent: boolean; model: string }): Message {
    return this.db.guard('restart the reply', () =>
      this.db.transaction(() => {
        const row = this.db.prepare(SQL.message).get(messageId);
        if (!row) fail('not_found_local', MESSAGE_GONE);
        this.#requireActiveConversation(String(row['conversation_id']));
        const { changes } = this.db.prepare(SQL.reopen).run(options.model, options.keepContent ? 1 : 0, messageId);
        if (Number(changes) === 0) fail('invalid_input', 'That reply is still streaming.');
        this.db.prepare(SQL.touch).run(this.db.now(), null, String(row['conversation_id']));
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
        this.#fold(messageId, end.status, end);
        this.db.prepare(SQL.touch).run(this.db.now(), null, row['conversation_id'] ?? '');
        return this.#message(messageId);
      }),
    );
  }

  /** At start-up: replies that were streaming when the app died keep their text, marked interrupted. */
  recoverInterrupted(): number {
    return this.db.guard('recover interrupted replies', () =>
      this.db.transaction(() => {
        const rows = this.db.prepare(SQL.streaming).all();
        for (const row of rows) this.#fold(String(row['id']), 'interrupted', {});
        return rows.length;
      }),
    );
  }

  /** A passive checkpoint (see checkpointWal): the WAL stays small while Parley runs and at rest. */
  checkpoint(): { walPages: number; checkpointed: number; truncated: boolean } {
    return this.db.guard('checkpoint the database', () => checkpointWal(this.db));
  }

  /** Checkpoints every `intervalMs` (default 10 s) until stopped. */
  startMaintenance(intervalMs = 10_000): { stop(): void } {
    const timer = setInterval(() => {
      try {
        this.checkpoint();
      } catch {
        // A busy or closed database: the next round (or closing) checkpoints.
      }
    }, intervalMs);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  /** PRAGMA optimize keeps the query planner's statistics current; then the connection closes (which
   *  checkpoints the WAL into the database). */
  close(): void {
    if (this.db.isOpen) {
      try {
        this.db.exec('PRAGMA optimize');
      } catch {
        // Closing matters more than statistics.
      }
    }
    this.db.close();
  }

  #fold(messageId: string, status: Message['status'], end: Omit<MessageEnd, 'status'>): void {
    const pending = this.chunkText(messageId) + (end.tail ?? '');
    const usage = end.usage ? JSON.stringify(end.usage) : null;
    const error = end.error ? JSON.stringify(end.error) : null;
    const ttft = end.timeToFirstTokenMs === undefined ? null : Math.max(0, Math.round(end.timeToFirstTokenMs));
    this.db.prepare(SQL.finish).run(pending, status, usage, error, ttft, messageId);
    if (end.reasoning !== undefined || end.model !== undefined) {
      const ms = end.reasoningMs === undefined ? null : Math.max(0, Math.round(end.reasoningMs));
      this.db.prepare(SQL.finishReasoning).run(end.reasoning ?? null, ms, end.model ?? null, messageId);
    }
    this.db.prepare(SQL.deleteChunks).run(messageId);
  }

  /** undefined: after the last message on screen; otherwise the given parent, which must be here. */
  #parentFor(conversationId: string, parentId: string | null | undefined): string | null {
    if (parentId === undefined) return this.leafId(conversationId);
    if (parentId === null) return null;
    const parent = this.db.prepare(SQL.message).get(parentId);
    if (!parent || parent['conversation_id'] !== conversationId) fail('not_found_local', MESSAGE_GONE);
    return parentId;
  }

  /** Inserts a message and puts it on screen: its parent (or the conversation) selects it. */
  #insertMessage(
    conversationId: string,
    parentId: string | null,
    role: Message['role'],
    content: string,
    images: readonly StoredImage[],
    status: Message['status'],
    model: string | null,
    createdAt: number,
  ): string {
    const id = randomUUID();
    this.db
      .prepare(SQL.insertMessage)
      .run(id, conversationId, parentId, role, content, imagesJson(images), status, model, createdAt);
    if (parentId === null) this.db.prepare(SQL.selectRoot).run(id, conversationId);
    else this.db.prepare(SQL.selectChild).run(id, parentId);
    return id;
  }

  #message(id: string): Message {
    const row = this.db.prepare(SQL.message).get(id);
    if (!row) fail('not_found_local', MESSAGE_GONE);
    return this.toMessageWithBranches(row);
  }

  /** New messages go only into conversations that exist and are not in the trash. */
  #requireActiveConversation(id: string): void {
    const row = this.conversationRow(id);
    if (row['deleted_at'] !== null && row['deleted_at'] !== undefined) {
      fail('invalid_input', 'That conversation is in the trash. Restore it to continue it.');
    }
  }
}
