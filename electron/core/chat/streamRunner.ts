import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { EventChannel, EventPayload } from '../../../shared/contract/index.ts';
import type { Message, Usage } from '../../../shared/domain.ts';
import { appError, fail, type AppError } from '../../../shared/errors.ts';
import type { EventSink } from '../ports.ts';
import type { ConversationStore, MessageEnd } from '../store/ConversationStore.ts';
import type { ReadyConfig } from './configCheck.ts';
import { DeltaBatcher } from './deltaBatcher.ts';
import { hostOf, toAppError } from './providerErrors.ts';
import { readChunk, readCompletion } from './providerPayloads.ts';
import { buildNonStreamingBody, buildStreamingBody } from './requestBuilder.ts';

export interface StreamJob {
  streamId: string;
  conversationId: string;
  messageId: string;
  createdAt: number;
  config: ReadyConfig;
  messages: ChatCompletionMessageParam[];
}

export interface StreamDeps {
  store: ConversationStore;
  events: EventSink;
  batchIntervalMs: number;
  requestTimeoutMs: number;
  stallTimeoutMs: number;
}

type StopReason = { kind: 'cancel' } | { kind: 'fail'; error: AppError };

/** One reply from request to saved message. Never rejects: every ending is saved and announced. */
export class StreamRun {
  readonly done: Promise<void>;
  readonly #job: StreamJob;
  readonly #deps: StreamDeps;
  readonly #controller = new AbortController();
  readonly #host: string;
  #stop: StopReason | undefined;
  #settled = false;
  #saved = '';
  #usage: Usage | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(job: StreamJob, deps: StreamDeps) {
    this.#job = job;
    this.#deps = deps;
    this.#host = hostOf(job.config.baseUrl);
    this.done = this.#run()
      .catch(() => undefined)
      .finally(() => {
        this.#settled = true;
      });
  }

  /** Stops the reply; what arrived so far is kept as 'stopped'. False when it already ended. */
  cancel(): boolean {
    if (this.#settled || this.#stop) return false;
    this.#stop = { kind: 'cancel' };
    this.#controller.abort();
    return true;
  }

  async #run(): Promise<void> {
    const batcher = new DeltaBatcher(this.#deps.batchIntervalMs, (text) => this.#save(text));
    let end: MessageEnd;
    try {
      this.#armIdleTimer();
      if (this.#job.config.stream) await this.#streamReply(batcher);
      else await this.#wholeReply(batcher);
      batcher.flush();
      end = this.#endAfterStop() ?? { status: 'complete' };
    } catch (err) {
      batcher.flush();
      const { baseUrl, model, token } = this.#job.config;
      end = this.#endAfterStop() ?? { status: 'error', error: toAppError(err, { baseUrl, model, token }) };
    } finally {
      batcher.dispose();
      clearTimeout(this.#idleTimer);
    }
    if (this.#usage) end.usage = this.#usage;
    this.#finish(end);
  }

  #client(): OpenAI {
    const { token, baseUrl } = this.#job.config;
    return new OpenAI({
      apiKey: token,
      baseURL: baseUrl,
      timeout: this.#deps.requestTimeoutMs,
      maxRetries: 0,
      organization: null,
      project: null,
      logLevel: 'off',
    });
  }

  async #streamReply(batcher: DeltaBatcher): Promise<void> {
    const body = buildStreamingBody(this.#job.config, this.#job.messages);
    const stream = await this.#client().chat.completions.create(body, { signal: this.#controller.signal });
    let recognized = false;
    for await (const chunk of stream as AsyncIterable<unknown>) {
      this.#armIdleTimer();
      const content = readChunk(chunk);
      recognized ||= content.recognized;
      batcher.push(content.text);
      if (content.usage) {
        batcher.flush();
        this.#setUsage(content.usage);
      }
    }
    if (!recognized && !this.#stop) {
      fail('bad_response', `${this.#host} ended the stream without sending a reply. Check the API base URL.`);
    }
  }

  async #wholeReply(batcher: DeltaBatcher): Promise<void> {
    const body = buildNonStreamingBody(this.#job.config, this.#job.messages);
    const response: unknown = await this.#client().chat.completions.create(body, { signal: this.#controller.signal });
    const completion = readCompletion(response);
    if (!completion) {
      fail('bad_response', `${this.#host} answered with something other than a chat completion. Check the API base URL.`);
    }
    batcher.push(completion.text);
    batcher.flush();
    if (completion.usage) this.#setUsage(completion.usage);
  }

  /** The SDK's timeout ends at the response headers; this one also catches a reply that stalls. */
  #armIdleTimer(): void {
    clearTimeout(this.#idleTimer);
    const seconds = Math.max(1, Math.round(this.#deps.stallTimeoutMs / 1000));
    this.#idleTimer = setTimeout(
      () => this.#abortWith(appError('timeout', `${this.#host} stopped answering (nothing for ${seconds} s). Try again.`)),
      this.#deps.stallTimeoutMs,
    );
  }

  #abortWith(error: AppError): void {
    this.#stop ??= { kind: 'fail', error };
    this.#controller.abort();
  }

  #endAfterStop(): MessageEnd | undefined {
    if (!this.#stop) return undefined;
    return this.#stop.kind === 'cancel' ? { status: 'stopped' } : { status: 'error', error: this.#stop.error };
  }

  /** One batch: appended to the database first, then pushed to the windows. */
  #save(text: string): void {
    if (this.#stop?.kind === 'fail') return;
    try {
      this.#deps.store.appendToMessage(this.#job.messageId, text);
    } catch (err) {
      this.#abortWith(toAppError(err));
      return;
    }
    this.#saved += text;
    this.#emit('chat:event', { type: 'delta', ...this.#ref(), text });
  }

  #setUsage(usage: Usage): void {
    this.#usage = usage;
    this.#emit('chat:event', { type: 'usage', ...this.#ref(), usage });
  }

  #finish(end: MessageEnd): void {
    let message: Message;
    try {
      message = this.#deps.store.finishMessage(this.#job.messageId, end);
    } catch (err) {
      const error = toAppError(err);
      end = { status: 'error', error };
      message = this.#unsavedMessage(error);
    }
    if (end.status === 'error') {
      const error = end.error ?? appError('internal', 'The reply failed.');
      this.#emit('chat:event', { type: 'error', ...this.#ref(), error, message });
    } else {
      this.#emit('chat:event', { type: 'done', ...this.#ref(), status: end.status, message });
    }
    this.#emit('conversations:changed', { conversationId: this.#job.conversationId });
  }

  /** What the windows are told when even saving the ending failed. */
  #unsavedMessage(error: AppError): Message {
    const { messageId, conversationId, createdAt, config } = this.#job;
    return { id: messageId, conversationId, role: 'assistant', content: this.#saved, images: [], status: 'error', error, model: config.model, createdAt };
  }

  #ref(): { streamId: string; conversationId: string; messageId: string } {
    const { streamId, conversationId, messageId } = this.#job;
    return { streamId, conversationId, messageId };
  }

  #emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    try {
      this.#deps.events.emit(channel, payload);
    } catch {
      // A window that went away must not break the reply; the database has it.
    }
  }
}
