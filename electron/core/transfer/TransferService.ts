import type { CallOutput, ParsedCallInput } from '../../../shared/contract/index.ts';
import type { ConversationSummary } from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import type { EventSink } from '../ports.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { exportConversations, type ConversationTree } from './exporter.ts';
import { mergeConversation } from './importWriter.ts';
import { parseImport } from './parseImport.ts';

/** Export to Markdown or lossless JSON, and import (merge) Parley JSON or ChatGPT's conversations.json. */
export class TransferService {
  readonly #store: ConversationStore;
  readonly #events: EventSink;
  readonly #app: { name: string; version: string };

  constructor(store: ConversationStore, events: EventSink, appVersion: string) {
    this.#store = store;
    this.#events = events;
    this.#app = { name: 'Parley', version: appVersion };
  }

  export(input: ParsedCallInput<'conversations:export'>): CallOutput<'conversations:export'> {
    const ids = input.ids ?? this.#store.listConversations().map((c) => c.id);
    const trees = ids.map((id): ConversationTree => {
      const conversation =
        this.#store.getConversation(id, { limit: Number.MAX_SAFE_INTEGER }) ??
        fail('not_found_local', `There is no conversation with the id ${id.slice(0, 100)}.`);
      return { conversation, allMessages: this.#store.allMessages(id, { inlineImages: true }) };
    });
    return exportConversations(trees, input.format, this.#app);
  }

  import(input: ParsedCallInput<'conversations:import'>): CallOutput<'conversations:import'> {
    const incoming = parseImport(input.content);
    let imported = 0;
    let skipped = 0;
    let messages = 0;
    const touched: ConversationSummary[] = [];
    for (const conversation of incoming) {
      const outcome = this.#store.db.guard('import the conversations', () => mergeConversation(this.#store.db, conversation));
      messages += outcome.messagesAdded;
      if (!outcome.created && outcome.messagesAdded === 0) {
        skipped += 1;
        continue;
      }
      imported += 1;
      const saved = this.#store.getSummary(conversation.id);
      if (saved) touched.push(saved);
    }
    if (imported > 0) {
      try {
        this.#events.emit('conversations:changed', {});
      } catch {
        // Windows re-query when they come back.
      }
    }
    return { imported, skipped, messages, conversations: touched };
  }
}
