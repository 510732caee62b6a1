import type { ConversationChanged } from '../../../shared/contract/conversations.ts';
import type { ParsedCallInput } from '../../../shared/contract/index.ts';
import type { PageOptions } from './ConversationReader.ts';
import { ConversationSettingsSchema, type Conversation, type ConversationSettings, type ConversationSummary } from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import type { EventSink } from '../ports.ts';
import { toConversationSettings, toSummary, type Row } from './rows.ts';
import type { StoreDb } from './storeDb.ts';
import { selectPathTo } from './branches.ts';

const SQL = {
  conversation: 'SELECT * FROM conversations WHERE id = ?',
  rename: "UPDATE conversations SET title = ?, title_source = 'user' WHERE id = ?",
  pin: 'UPDATE conversations SET pinned = ? WHERE id = ?',
  settings: 'UPDATE conversations SET settings = ? WHERE id = ?',
  // Only over a title nobody chose: a rename while the title was being made wins.
  generatedTitle: `UPDATE conversations SET title = ?, title_source = 'generated'
    WHERE id = ? AND title_source IN ('default', 'auto')`,
} as const;

const GONE = 'That conversation no longer exists.';

export type TitleSource = 'default' | 'auto' | 'generated' | 'user';
type SettingsPatch = Omit<ParsedCallInput<'conversations:updateSettings'>, 'id'>;

/** What a conversation is called, where it sits in the list, its own settings, and which branch is
 *  on screen; each change is announced with conversations:changed. */
export class ConversationMeta {
  readonly #db: StoreDb;
  readonly #events: EventSink;
  readonly #read: (id: string, options?: PageOptions) => Conversation | undefined;
  readonly #providerExists: (id: string) => boolean;

  /** providerExists: a conversation may only choose a saved provider. */
  constructor(
    db: StoreDb,
    events: EventSink,
    read: (id: string, options?: PageOptions) => Conversation | undefined,
    providerExists: (id: string) => boolean = () => true,
  ) {
    this.#db = db;
    this.#events = events;
    this.#read = read;
    this.#providerExists = providerExists;
  }

  rename(id: string, title: string): ConversationSummary {
    return this.#change(id, 'rename the conversation', () => this.#db.prepare(SQL.rename).run(title.trim(), id));
  }

  pin(id: string, pinned: boolean): ConversationSummary {
    return this.#change(id, 'pin the conversation', () => this.#db.prepare(SQL.pin).run(pinned ? 1 : 0, id));
  }

  settings(id: string): ConversationSettings {
    return this.#db.guard('read the conversation', () => toConversationSettings(this.#row(id)));
  }

  /** null (or an empty system prompt) clears a value back to the default; undefined leaves it. */
  updateSettings(id: string, patch: SettingsPatch): Conversation {
    if (typeof patch.providerId === 'string' && !this.#providerExists(patch.providerId)) {
      fail('invalid_input', 'That provider no longer exists. Choose one from the list.');
    }
    this.#change(id, 'save the conversation settings', () => {
      const next: Record<string, unknown> = { ...toConversationSettings(this.#row(id)) };
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        if (value === null || (key === 'systemPrompt' && typeof value === 'string' && !value.trim())) delete next[key];
        else next[key] = value;
      }
      const parsed = ConversationSettingsSchema.safeParse(next);
      if (!parsed.success) fail('invalid_input', parsed.error.issues[0]?.message ?? 'Those settings are not valid.');
      const json = Object.keys(parsed.data).length > 0 ? JSON.stringify(parsed.data) : null;
      this.#db.prepare(SQL.settings).run(json, id);
    });
    return this.#read(id) ?? fail('not_found_local', GONE);
  }

  titleSource(id: string): TitleSource | undefined {
    return this.#db.guard('read the conversation', () => {
      const value = this.#db.prepare(SQL.conversation).get(id)?.['title_source'];
      return value === 'default' || value === 'auto' || value === 'generated' || value === 'user' ? value : undefined;
    });
  }

  /** False when the title is no longer replaceable (renamed meanwhile) or the conversation is gone. */
  setGeneratedTitle(id: string, title: string): boolean {
    const changed = this.#db.guard('save the title', () => Number(this.#db.prepare(SQL.generatedTitle).run(title, id).changes) > 0);
    if (changed) this.#emit(id, 'row');
    return changed;
  }

  /** Puts the branch through this message on screen: each message above it selects the way down. */
  selectBranch(messageId: string, limit = 50): Conversation {
    const conversationId = this.#db.guard('switch the version', () => this.#db.transaction(() => selectPathTo(this.#db, messageId)));
    this.#emit(conversationId, 'messages');
    return this.#read(conversationId, { limit, around: messageId }) ?? fail('not_found_local', GONE);
  }

  #change(id: string, what: string, write: () => unknown): ConversationSummary {
    const summary = this.#db.guard(what, () =>
      this.#db.transaction(() => {
        this.#row(id);
        write();
        return toSummary(this.#row(id));
      }),
    );
    this.#emit(id, 'row');
    return summary;
  }

  #row(id: string): Row {
    return this.#db.prepare(SQL.conversation).get(id) ?? fail('not_found_local', GONE);
  }

  #emit(conversationId: string, kind: ConversationChanged['kind']): void {
    try {
      const row = this.#db.prepare(SQL.conversation).get(conversationId);
      const summary = row ? toSummary(row) : undefined;
      this.#events.emit('conversations:changed', {
        conversationId,
        ...(kind ? { kind } : {}),
        ...(summary ? { summary } : {}),
        ...(!summary || summary.deletedAt !== undefined ? { removed: true } : {}),
      });
    } catch {
      // A window that went away re-queries when it comes back.
    }
  }
}
