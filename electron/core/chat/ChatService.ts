import { randomUUID } from 'node:crypto';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { CallOutput, ParsedCallInput } from '../../../shared/contract/index.ts';
import { NEW_CONVERSATION_DRAFT } from '../../../shared/contract/drafts.ts';
import type { ConversationSettings, Message } from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import type { EventSink } from '../ports.ts';
import { ProxyAgents } from '../providers/proxyAgents.ts';
import type { Awaitable, ChatStore } from '../store/asyncStore.ts';
import { checkConfig, type ReadyConfig } from './configCheck.ts';
import { applyConversationSettings, type ConfigSource } from './conversationConfig.ts';
import { ConversationRuns } from './conversationRuns.ts';
import { toContinuationMessages, toProviderMessages, withSystemPrompt } from './requestBuilder.ts';
import { StreamRun, type ConnectivityReporter } from './streamRunner.ts';

export interface ChatServiceDeps {
  /** The store itself, or the main thread's client of the store worker: every answer is awaited. */
  store: ChatStore;
  /** The default settings and the provider's URL, token and proxy, resolved at send time. */
  getConfig: ConfigSource;
  events: EventSink;
  /** Told when a message was sent, so the draft it came from can go. */
  drafts?: { clear(conversationId: string): Awaitable<void> };
  /** Told how replies end (unreachable provider, or an answer). */
  connectivity?: ConnectivityReporter;
  /** Told when a reply ended, to name the conversation after its first exchange. */
  titles?: { afterReply(conversationId: string, replyId: string, config: ReadyConfig): void; shutdown(): Promise<void> };
  /** Proxy agents shared with the rest of the app (default: its own). */
  agents?: ProxyAgents;
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
const MESSAGE_GONE = 'That message no longer exists.';

interface RunStart {
  conversationId: string;
  message: Message;
  config: ReadyConfig;
  messages: ChatCompletionMessageParam[];
}

type SendResult = CallOutput<'chat:send'>;

/** Sends a message to the provider and streams the reply into the store and out to the windows.
 *  What the provider sees is always the path on screen up to the reply, after the conversation's
 *  system prompt. */
export class ChatService {
  readonly #deps: ChatServiceDeps;
  readonly #timing: { batchIntervalMs: number; saveIntervalMs: number; saveMaxChars: number; requestTimeoutMs: number; stallTimeoutMs: number };
  readonly #agents: ProxyAgents;
  readonly #runs = new Map<string, StreamRun>();
  readonly #busy = new ConversationRuns();
  #closing = false;

  constructor(deps: ChatServiceDeps) {
    this.#deps = deps;
    this.#agents = deps.agents ?? new ProxyAgents();
    const requestTimeoutMs = deps.requestTimeoutMs ?? 120_000;
    this.#timing = {
      batchIntervalMs: deps.batchIntervalMs ?? 16,
      saveIntervalMs: deps.saveIntervalMs ?? 250,
      saveMaxChars: deps.saveMaxChars ?? 16 * 1024,
      requestTimeoutMs,
      stallTimeoutMs: Math.max(deps.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS, requestTimeoutMs),
    };
  }

  /** Saves the user's message at the end of the path on screen and starts the reply; answers before
   *  the provider does. */
  send(input: ParsedCallInput<'chat:send'>): Promise<SendResult> {
    return this.#busy.exclusive(input.conversationId, () => this.#send(input));
  }

  async #send(input: ParsedCallInput<'chat:send'>): Promise<SendResult> {
    const { store } = this.#deps;
    // Everything that can refuse the request happens before the first write.
    const settings = input.conversationId ? await store.conversationSettings(input.conversationId) : undefined;
    const config = await this.#readyConfig(settings);
    const conversationId = input.conversationId ?? (await store.createConversation(undefined, input.source ?? 'main')).id;
    const userMessage = await store.addUserMessage(conversationId, { text: input.text, images: input.images });
    this.#clearDraft(input.conversationId ?? NEW_CONVERSATION_DRAFT);
    return this.#answer(userMessage, config, settings);
  }

  /** A new version of a reply from the same history, kept beside the earlier ones. A reply that
   *  failed without any text is retried in its place instead: there is nothing in it to keep. */
  regenerate(input: ParsedCallInput<'chat:regenerate'>): Promise<SendResult> {
    return this.#busy.exclusive(this.#conversationOf(input.messageId), () => this.#regenerate(input));
  }

  async #regenerate(input: ParsedCallInput<'chat:regenerate'>): Promise<SendResult> {
    const { store } = this.#deps;
    const message = (await store.getMessage(input.messageId)) ?? fail('not_found_local', MESSAGE_GONE);
    if (message.role !== 'assistant') fail('invalid_input', 'Only a reply can be regenerated.');
    if (message.status === 'streaming') fail('invalid_input', 'That reply is still streaming. Stop it first.');
    const question = message.parentId ? await store.getMessage(message.parentId) : undefined;
    if (question?.role !== 'user') fail('invalid_input', 'Only a reply to one of your messages can be regenerated.');
    const settings = await store.conversationSettings(message.conversationId);
    const config = await this.#readyConfig(settings);
    if (message.status !== 'error' || message.content.trim() || (await store.hasFollowUps(message.id))) {
      return this.#answer(question, config, settings);
    }
    const reopened = await store.reopenAssistantMessage(message.id, { keepContent: false, model: config.model });
    await store.selectPathTo(message.id);
    const messages = withSystemPrompt(toProviderMessages(await store.historyTo(question.id, { inlineImages: true })), settings?.systemPrompt);
    const streamId = this.#start({ conversationId: message.conversationId, message: reopened, config, messages });
    return { conversationId: message.conversationId, userMessage: question, assistantMessage: reopened, streamId };
  }

  /** A changed copy of a user message beside the original, and a reply to it. */
  edit(input: ParsedCallInput<'chat:edit'>): Promise<SendResult> {
    return this.#busy.exclusive(this.#conversationOf(input.messageId), () => this.#edit(input));
  }

  async #edit(input: ParsedCallInput<'chat:edit'>): Promise<SendResult> {
    const { store } = this.#deps;
    const original = (await store.getMessage(input.messageId)) ?? fail('not_found_local', MESSAGE_GONE);
    if (original.role !== 'user') fail('invalid_input', 'Only your own messages can be edited.');
    const images = input.images ?? original.images;
    if (!input.text.trim() && images.length === 0) fail('invalid_input', 'Type a message or attach an image first.');
    const settings = await store.conversationSettings(original.conversationId);
    const config = await this.#readyConfig(settings);
    const edited = await store.addUserMessage(original.conversationId, { text: input.text, images, parentId: original.parentId ?? null });
    return this.#answer(edited, config, settings);
  }

  /** Streams more of an interrupted, stopped or failed reply into the same message. Only a reply that
   *  nothing follows yet can be continued. */
  continue(input: ParsedCallInput<'chat:continue'>): Promise<CallOutput<'chat:continue'>> {
    return this.#busy.exclusive(this.#conversationOf(input.messageId), () => this.#continue(input));
  }

  async #continue(input: ParsedCallInput<'chat:continue'>): Promise<CallOutput<'chat:continue'>> {
    const { store } = this.#deps;
    const message = (await store.getMessage(input.messageId)) ?? fail('not_found_local', MESSAGE_GONE);
    const { conversationId } = message;
    const settings = await store.conversationSettings(conversationId);
    const config = await this.#readyConfig(settings);
    if (message.role !== 'assistant') fail('invalid_input', 'Only a reply can be continued.');
    if (message.status === 'streaming') fail('invalid_input', 'That reply is still streaming.');
    if (await store.hasFollowUps(message.id)) fail('invalid_input', 'Only the last reply of a conversation can be continued.');
    const history = (await store.historyTo(message.id, { inlineImages: true })).slice(0, -1);
    const reopened = await store.reopenAssistantMessage(message.id, { keepContent: true, model: config.model });
    await store.selectPathTo(message.id);
    const messages = withSystemPrompt(toContinuationMessages(history, reopened.content), settings?.systemPrompt);
    const streamId = this.#start({ conversationId, message: reopened, config, messages }, message.usage);
    return { conversationId, assistantMessage: reopened, streamId };
  }

  /** The text of a reply that is streaming now, as the windows have been sent it (the database may
   *  lag behind by up to saveIntervalMs); undefined when no reply streams into that message. */
  liveText(messageId: string): string | undefined {
    for (const run of this.#runs.values()) if (run.messageId === messageId) return run.liveContent;
    return undefined;
  }

  /** False when no such stream is running (already finished, or never existed). */
  cancel(streamId: string): boolean {
    return this.#runs.get(streamId)?.cancel() ?? false;
  }

  /** Stops every reply and title request and waits until each one has been saved. */
  async shutdown(): Promise<void> {
    this.#closing = true;
    const runs = [...this.#runs.values()];
    for (const run of runs) run.cancel();
    await Promise.all(runs.map((run) => run.done));
    await this.#deps.titles?.shutdown();
    if (!this.#deps.agents) await this.#agents.close();
  }

  /** A new reply to a user message, placed right under it and put on screen. */
  async #answer(question: Message, config: ReadyConfig, settings: ConversationSettings | undefined): Promise<SendResult> {
    const { store } = this.#deps;
    const { conversationId } = question;
    const messages = withSystemPrompt(toProviderMessages(await store.historyTo(question.id, { inlineImages: true })), settings?.systemPrompt);
    const assistantMessage = await store.startAssistantMessage(conversationId, config.model, question.id);
    const streamId = this.#start({ conversationId, message: assistantMessage, config, messages });
    return { conversationId, userMessage: question, assistantMessage, streamId };
  }

  async #readyConfig(settings: ConversationSettings | undefined): Promise<ReadyConfig> {
    if (this.#closing) fail('internal', 'Parley is shutting down.');
    const config = await this.#deps.getConfig(settings?.providerId ? { providerId: settings.providerId } : undefined);
    return checkConfig(applyConversationSettings(config, settings));
  }

  #start(start: RunStart, baseUsage?: Message['usage']): string {
    const { store, events, connectivity, titles } = this.#deps;
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
      {
        store,
        events,
        agents: this.#agents,
        ...this.#timing,
        ...(connectivity ? { connectivity } : {}),
        onFinished: () => this.#busy.release(start.conversationId),
      },
    );
    this.#runs.set(streamId, run);
    this.#busy.hold(start.conversationId);
    void run.done.then(() => {
      this.#runs.delete(streamId);
      this.#busy.release(start.conversationId);
      if (!this.#closing) titles?.afterReply(start.conversationId, start.message.id, start.config);
    });
    return streamId;
  }

  async #conversationOf(messageId: string): Promise<string | undefined> {
    return (await this.#deps.store.getMessage(messageId))?.conversationId;
  }

  #clearDraft(key: string): void {
    // The message is saved; a draft left behind is only a nuisance.
    void Promise.resolve()
      .then(() => this.#deps.drafts?.clear(key))
      .catch(() => undefined);
  }
}
