import { randomUUID } from 'node:crypto';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { CallOutput, ParsedCallInput } from '../../../shared/contract/index.ts';
import { NEW_CONVERSATION_DRAFT } from '../../../shared/contract/drafts.ts';
import type { Message } from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import type { ChatConfig, EventSink } from '../ports.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { checkConfig, type ReadyConfig } from './configCheck.ts';
import { toContinuationMessages, toProviderMessages } from './requestBuilder.ts';
import { StreamRun, type ConnectivityReporter } from './streamRunner.ts';

export interface ChatServiceDeps {
  store: ConversationStore;
  getConfig: () => Promise<ChatConfig>;
  events: EventSink;
  /** Told when a message was sent, so the draft it came from can go. */
  drafts?: { clear(conversationId: string): void };
  /** Told how replies end (unreachable provider, or an answer). */
  connectivity?: ConnectivityReporter;
  /** How often streamed text is pushed to the windows (default 16 ms). */
  batchIntervalMs?: number;
  /** How often streamed text is committed to the database at most (default 250 ms): what a crash can lose. */
  saveIntervalMs?: number;
  /** Commit earlier once this much text waits (default 16 K characters). */
  saveMaxChars?: number;
  /** How long to wait for the provider's response to start (the SDK's timeout). */
  requestTimeoutMs?: number;
  /** How long a started reply may go without a chunk before it is given up (default 5 minutes, and
   *  never less than requestTimeoutMs): long enough for a reasoning model thinking in silence. */
  stallTimeoutMs?: number;
}

const DEFAULT_STALL_TIMEOUT_MS = 5 * 60_000;

interface RunStart {
  conversationId: string;
  message: Message;
  config: ReadyConfig;
  messages: ChatCompletionMessageParam[];
}

/** Sends a message to the provider and streams the reply into the store and out to the windows. */
export class ChatService {
  readonly #deps: ChatServiceDeps;
  readonly #timing: { batchIntervalMs: number; saveIntervalMs: number; saveMaxChars: number; requestTimeoutMs: number; stallTimeoutMs: number };
  readonly #runs = new Map<string, StreamRun>();
  #closing = false;

  constructor(deps: ChatServiceDeps) {
    this.#deps = deps;
    const requestTimeoutMs = deps.requestTimeoutMs ?? 120_000;
    this.#timing = {
      batchIntervalMs: deps.batchIntervalMs ?? 16,
      saveIntervalMs: deps.saveIntervalMs ?? 250,
      saveMaxChars: deps.saveMaxChars ?? 16 * 1024,
      requestTimeoutMs,
      stallTimeoutMs: Math.max(deps.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS, requestTimeoutMs),
    };
  }

  /** Saves the user's message and starts the reply; answers before the provider does. */
  async send(input: ParsedCallInput<'chat:send'>): Promise<CallOutput<'chat:send'>> {
    // Everything that can refuse the request happens before the first write.
    const config = await this.#readyConfig();
    const { store } = this.#deps;

    const conversationId = input.conversationId ?? store.createConversation().id;
    const userMessage = store.addUserMessage(conversationId, { text: input.text, images: input.images });
    this.#clearDraft(input.conversationId ?? NEW_CONVERSATION_DRAFT);
    const history = store.getConversation(conversationId)?.messages ?? [];
    const assistantMessage = store.startAssistantMessage(conversationId, config.model);
    const streamId = this.#start({ conversationId, message: assistantMessage, config, messages: toProviderMessages(history) });
    return { conversationId, userMessage, assistantMessage, streamId };
  }

  /** Streams more of an interrupted, stopped or failed reply into the same message. A Regenerate
   *  would take the same path with reopenAssistantMessage(id, { keepContent: false }) and the plain
   *  history (toProviderMessages); a branching one would start a new message instead. */
  async continue(input: ParsedCallInput<'chat:continue'>): Promise<CallOutput<'chat:continue'>> {
    const config = await this.#readyConfig();
    const { store } = this.#deps;
    const message = store.getMessage(input.messageId) ?? fail('not_found_local', 'That message no longer exists.');
    const { conversationId } = message;
    if (message.role !== 'assistant') fail('invalid_input', 'Only a reply can be continued.');
    if (message.status === 'streaming') fail('invalid_input', 'That reply is still streaming.');
    if (store.lastMessageId(conversationId) !== message.id) {
      fail('invalid_input', 'Only the last reply of a conversation can be continued.');
    }
    const history = (store.getConversation(conversationId)?.messages ?? []).filter((m) => m.id !== message.id);
    const reopened = store.reopenAssistantMessage(message.id, { keepContent: true, model: config.model });
    const streamId = this.#start(
      { conversationId, message: reopened, config, messages: toContinuationMessages(history, reopened.content) },
      message.usage,
    );
    return { conversationId, assistantMessage: reopened, streamId };
  }

  /** False when no such stream is running (already finished, or never existed). */
  cancel(streamId: string): boolean {
    return this.#runs.get(streamId)?.cancel() ?? false;
  }

  /** Stops every reply and waits until each one has been saved. */
  async shutdown(): Promise<void> {
    this.#closing = true;
    const runs = [...this.#runs.values()];
    for (const run of runs) run.cancel();
    await Promise.all(runs.map((run) => run.done));
  }

  async #readyConfig(): Promise<ReadyConfig> {
    if (this.#closing) fail('internal', 'Parley is shutting down.');
    return checkConfig(await this.#deps.getConfig());
  }

  #start(start: RunStart, baseUsage?: Message['usage']): string {
    const { store, events, connectivity } = this.#deps;
    events.emit('conversations:changed', { conversationId: start.conversationId });
    const streamId = randomUUID();
    const run = new StreamRun(
      {
        streamId,
        conversationId: start.conversationId,
        messageId: start.message.id,
        createdAt: start.message.createdAt,
        config: start.config,
        messages: start.messages,
        initialContent: start.message.content,
        ...(baseUsage ? { baseUsage } : {}),
      },
      { store, events, ...this.#timing, ...(connectivity ? { connectivity } : {}) },
    );
    this.#runs.set(streamId, run);
    void run.done.then(() => this.#runs.delete(streamId));
    return streamId;
  }

  #clearDraft(key: string): void {
    try {
      this.#deps.drafts?.clear(key);
    } catch {
      // The message is saved; a draft left behind is only a nuisance.
    }
  }
}
