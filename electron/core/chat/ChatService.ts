import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedCallInput } from '../../../shared/contract/index.ts';
import { fail } from '../../../shared/errors.ts';
import type { ChatConfig, EventSink } from '../ports.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { checkConfig } from './configCheck.ts';
import { toProviderMessages } from './requestBuilder.ts';
import { StreamRun } from './streamRunner.ts';

export interface ChatServiceDeps {
  store: ConversationStore;
  getConfig: () => Promise<ChatConfig>;
  events: EventSink;
  /** How often streamed text is saved and pushed to the windows. */
  batchIntervalMs?: number;
  /** How long to wait for the provider's response to start (the SDK's timeout). */
  requestTimeoutMs?: number;
  /** How long a started reply may go without a chunk before it is given up (default 5 minutes, and
   *  never less than requestTimeoutMs): long enough for a reasoning model thinking in silence. */
  stallTimeoutMs?: number;
}

const DEFAULT_STALL_TIMEOUT_MS = 5 * 60_000;

/** Sends a message to the provider and streams the reply into the store and out to the windows. */
export class ChatService {
  readonly #deps: Required<Omit<ChatServiceDeps, 'stallTimeoutMs'>>;
  readonly #stallTimeoutMs: number;
  readonly #runs = new Map<string, StreamRun>();
  #closing = false;

  constructor(deps: ChatServiceDeps) {
    this.#deps = {
      ...deps,
      batchIntervalMs: deps.batchIntervalMs ?? 16,
      requestTimeoutMs: deps.requestTimeoutMs ?? 120_000,
    };
    this.#stallTimeoutMs = Math.max(deps.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS, this.#deps.requestTimeoutMs);
  }

  /** Saves the user's message and starts the reply; answers before the provider does. */
  async send(input: ParsedCallInput<'chat:send'>): Promise<CallOutput<'chat:send'>> {
    if (this.#closing) fail('internal', 'Parley is shutting down.');
    // Everything that can refuse the request happens before the first write.
    const config = checkConfig(await this.#deps.getConfig());
    const { store, events } = this.#deps;

    const conversationId = input.conversationId ?? store.createConversation().id;
    const userMessage = store.addUserMessage(conversationId, { text: input.text, images: input.images });
    const history = store.getConversation(conversationId)?.messages ?? [];
    const assistantMessage = store.startAssistantMessage(conversationId, config.model);
    events.emit('conversations:changed', { conversationId });

    const streamId = randomUUID();
    const run = new StreamRun(
      {
        streamId,
        conversationId,
        messageId: assistantMessage.id,
        createdAt: assistantMessage.createdAt,
        config,
        messages: toProviderMessages(history),
      },
      {
        store,
        events,
        batchIntervalMs: this.#deps.batchIntervalMs,
        requestTimeoutMs: this.#deps.requestTimeoutMs,
        stallTimeoutMs: this.#stallTimeoutMs,
      },
    );
    this.#runs.set(streamId, run);
    void run.done.then(() => this.#runs.delete(streamId));

    return { conversationId, userMessage, assistantMessage, streamId };
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
}
